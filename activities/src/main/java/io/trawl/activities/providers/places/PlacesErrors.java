package io.trawl.activities.providers.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Turns Google's error answers ({@code {"error":{"code","message","status","details"}}}) into the
 * typed failures workflows retry on. Messages name the status and Google's words, never the key.
 */
final class PlacesErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

  private final String apiKey;

  PlacesErrors(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * RESOURCE_EXHAUSTED (429) is retryable after {@code RetryInfo.retryDelay} when Google gives one;
   * 5xx is retryable; a bad, missing or restricted key (400 API_KEY_INVALID, 401, 403) is final and
   * names {@value PlacesConfig#KEY_VARIABLE}; other 4xx are final.
   */
  ApplicationFailure forStatus(String what, int httpStatus, String body, String retryAfter) {
    JsonNode error = readError(body);
    String status = error.path("status").asText("");
    String reason =
        error.path("details").findValuesAsText("reason").stream().findFirst().orElse("");
    String words =
        error.isMissingNode()
            ? ProviderText.excerpt(body, apiKey)
            : error.path("message").asText("") + (reason.isEmpty() ? "" : " (" + reason + ")");
    String message =
        "Google Places answered "
            + httpStatus
            + (status.isEmpty() ? "" : " " + status)
            + " to "
            + what
            + ": "
            + words;
    if (httpStatus == 429 || status.equals("RESOURCE_EXHAUSTED")) {
      Duration delay = retryDelay(error);
      return Failures.rateLimited(
          redact(message), delay != null ? delay : ProviderText.parseRetryAfter(retryAfter));
    }
    if (httpStatus >= 500) {
      return Failures.unavailable(redact(message), null);
    }
    if (httpStatus == 401 || httpStatus == 403 || reason.equals("API_KEY_INVALID")) {
      return Failures.rejected(redact(message + "; check " + PlacesConfig.KEY_VARIABLE));
    }
    return Failures.rejected(redact(message));
  }

  ApplicationFailure notJson(String what, int status, String body) {
    String kind =
        ProviderText.looksLikeHtml(body)
            ? "an HTML page instead of JSON"
            : "a body that is not JSON";
    return Failures.unavailable(
        redact(
            "Google Places answered "
                + status
                + " to "
                + what
                + " with "
                + kind
                + ": "
                + ProviderText.excerpt(body, apiKey)),
        null);
  }

  ApplicationFailure io(String what, IOException e) {
    String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
    return Failures.unavailable(
        redact("Google Places " + what + " failed with " + e.getClass().getSimpleName() + reason),
        null);
  }

  /**
   * Google answered 200, so it billed the lookup, but the answer broke on the way (reset mid-body,
   * cut short): retryable, and the caller books the lost lookup as spent.
   */
  ApplicationFailure lostAnswer(String what, String reason) {
    return Failures.paidAnswerLost(
        redact("Google Places answered 200 to " + what + " but the answer was lost: " + reason));
  }

  /** {@code RetryInfo.retryDelay} ("3s", "1.5s"); null when absent or unreadable. */
  static Duration retryDelay(JsonNode error) {
    for (JsonNode detail : error.path("details")) {
      if (RETRY_INFO.equals(detail.path("@type").asText())) {
        JsonNode delay = detail.path("retryDelay");
        String text = delay.isObject() ? delay.path("seconds").asText("") + "s" : delay.asText("");
        if (text.endsWith("s")) {
          try {
            BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1).strip());
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static JsonNode readError(String body) {
    try {
      JsonNode tree = JSON.readTree(body == null ? "" : body);
      return tree == null ? JSON.missingNode() : tree.path("error");
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private String redact(String message) {
    return ProviderText.redact(message, apiKey);
  }
}
