package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;

/**
 * Turns Apify's answers into the typed failures workflows retry on (or not). Every message names
 * the call, the status and Apify's error type and message, and never the token.
 */
final class ApifyErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;

  ApifyErrors(String token) {
    this.token = token;
  }

  /**
   * A non-2xx answer. 429 and 5xx are retryable: Apify sends no Retry-After, so the delay is left
   * to the retry policy, which starts at {@link ApifyClient#INITIAL_BACKOFF}; 401/403 are final and
   * name {@value ApifyConfig#TOKEN_VARIABLE}; 404 names the actor or run that is missing.
   *
   * @param subject "actor compass~crawler-google-places", "run abc" or "dataset xyz"
   */
  ApplicationFailure forStatus(
      String what, String subject, int status, String body, String retryAfter) {
    String message = "Apify answered " + status + describe(body) + " to " + what;
    if (status == 429) {
      return Failures.rateLimited(redact(message), ProviderText.parseRetryAfter(retryAfter));
    }
    if (status >= 500) {
      return Failures.unavailable(redact(message), null);
    }
    if (status == 401 || status == 403) {
      return Failures.rejected(redact(message + "; check " + ApifyConfig.TOKEN_VARIABLE));
    }
    if (status == 404) {
      String missing =
          "Apify has no " + subject + " (" + status + describe(body) + " to " + what + ")";
      return subject.startsWith("actor")
          ? Failures.rejected(redact(missing + "; check the actor id"))
          : Failures.notFound(redact(missing));
    }
    return Failures.rejected(redact(message));
  }

  /** A 2xx whose body is not the JSON asked for: an HTML page, a cut body, or garbage. */
  ApplicationFailure notJson(String what, int status, String body) {
    String kind =
        ProviderText.looksLikeHtml(body)
            ? "an HTML page instead of JSON"
            : "a body that is not JSON";
    return Failures.unavailable(
        redact(
            "Apify answered "
                + status
                + " to "
                + what
                + " with "
                + kind
                + ": "
                + ProviderText.excerpt(body, token)),
        null);
  }

  /** The connection failed, timed out, or the body ended early. */
  ApplicationFailure io(String what, IOException e) {
    String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
    return Failures.unavailable(
        redact("Apify " + what + " failed with " + e.getClass().getSimpleName() + reason), null);
  }

  ApplicationFailure corrupt(String what, String detail) {
    return Failures.unavailable(redact("Apify " + what + ": " + detail), null);
  }

  /** " token-not-provided: Authentication token was not provided", or the body's excerpt. */
  private String describe(String body) {
    try {
      JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
      if (error.path("type").isTextual()) {
        return " " + error.get("type").asText() + ": " + error.path("message").asText("");
      }
    } catch (IOException e) {
      // Not Apify's JSON error (an HTML page from a proxy): the excerpt says what it was.
    }
    return ": " + ProviderText.excerpt(body, token);
  }

  private String redact(String message) {
    return ProviderText.redact(message, token);
  }
}
