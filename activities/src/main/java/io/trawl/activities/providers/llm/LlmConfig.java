package io.trawl.activities.providers.llm;

import io.trawl.activities.providers.ProviderText;
import java.util.Map;

/**
 * Where and with which key the LLM client talks: any OpenAI-compatible chat completions API. {@link
 * #toString()} masks the key, which only ever goes into the {@code Authorization} header.
 *
 * @param baseUrl the API root the path {@code /chat/completions} is appended to; {@value
 *     #DEFAULT_BASE_URL} (Perplexity, as the original used) unless pointed elsewhere
 * @param apiKey the API key (a dummy one for the sandbox)
 */
public record LlmConfig(String baseUrl, String apiKey) {
  public static final String DEFAULT_BASE_URL = "https://api.perplexity.ai";
  public static final String DEFAULT_MODEL = "sonar";
  public static final String KEY_VARIABLE = "LLM_API_KEY";
  public static final String BASE_URL_VARIABLE = "LLM_BASE_URL";

  static final String SANDBOX_KEY = "sandbox-no-credentials";

  public LlmConfig {
    baseUrl = ProviderText.baseUrl(baseUrl, DEFAULT_BASE_URL);
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "LLM API key is empty; set " + KEY_VARIABLE + " or use the sandbox");
    }
    apiKey = apiKey.strip();
  }

  /**
   * Reads {@value #KEY_VARIABLE} and optional {@value #BASE_URL_VARIABLE}; null when no key is set,
   * since the LLM fallback is optional and off without one.
   */
  public static LlmConfig fromEnvironment(Map<String, String> env) {
    String key = env.get(KEY_VARIABLE);
    return key == null || key.isBlank() ? null : new LlmConfig(env.get(BASE_URL_VARIABLE), key);
  }

  public static LlmConfig sandbox(String sandboxBaseUrl) {
    return new LlmConfig(sandboxBaseUrl, SANDBOX_KEY);
  }

  public boolean isSandbox() {
    return SANDBOX_KEY.equals(apiKey);
  }

  @Override
  public String toString() {
    return "LlmConfig[baseUrl=" + baseUrl + ", apiKey=" + (isSandbox() ? "sandbox" : "***") + "]";
  }
}
