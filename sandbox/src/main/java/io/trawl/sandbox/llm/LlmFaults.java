package io.trawl.sandbox.llm;

import io.trawl.sandbox.CommonFaults;

/**
 * Faults {@link FakeLlm} injects (PROVIDERS.md §8, LLM classifier).
 *
 * @param common latency, 500 with an OpenAI error, 502/503 HTML, truncated and reset bodies
 * @param notJson replies whose content is prose instead of JSON
 * @param missingKey replies whose JSON lacks {@code confidence}
 * @param fencedJson every reply wraps its JSON in a Markdown code fence, as chat models like to
 * @param rateLimited requests answered 429 with {@code Retry-After: retryAfterSeconds}
 * @param unauthorized every request answers 401 {@code invalid_api_key}
 */
public record LlmFaults(
    CommonFaults common,
    int notJson,
    int missingKey,
    boolean fencedJson,
    int rateLimited,
    int retryAfterSeconds,
    boolean unauthorized) {

  public LlmFaults {
    if (common == null) {
      throw new IllegalArgumentException("common faults are required (CommonFaults.none())");
    }
    if (notJson < 0 || missingKey < 0 || rateLimited < 0 || retryAfterSeconds < 0) {
      throw new IllegalArgumentException("fault counts must be 0 or more");
    }
  }

  public static LlmFaults none() {
    return new LlmFaults(CommonFaults.none(), 0, 0, false, 0, 6, false);
  }

  public LlmFaults withCommon(CommonFaults faults) {
    return new LlmFaults(
        faults, notJson, missingKey, fencedJson, rateLimited, retryAfterSeconds, unauthorized);
  }

  public LlmFaults withNotJson(int times) {
    return new LlmFaults(
        common, times, missingKey, fencedJson, rateLimited, retryAfterSeconds, unauthorized);
  }

  public LlmFaults withMissingKey(int times) {
    return new LlmFaults(
        common, notJson, times, fencedJson, rateLimited, retryAfterSeconds, unauthorized);
  }

  public LlmFaults withFencedJson(boolean on) {
    return new LlmFaults(
        common, notJson, missingKey, on, rateLimited, retryAfterSeconds, unauthorized);
  }

  public LlmFaults withRateLimited(int times, int retryAfter) {
    return new LlmFaults(common, notJson, missingKey, fencedJson, times, retryAfter, unauthorized);
  }

  public LlmFaults withUnauthorized(boolean on) {
    return new LlmFaults(
        common, notJson, missingKey, fencedJson, rateLimited, retryAfterSeconds, on);
  }
}
