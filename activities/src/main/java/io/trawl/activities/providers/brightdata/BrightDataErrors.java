package io.trawl.activities.providers.brightdata;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.activities.providers.ResponseText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Bright Data's answers into the typed failures workflows retry on (or not). Every message
 * names the call, the status and the provider's own words, and never the token.
 */
final class BrightDataErrors {
  private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in (\\d+)\\s*s");

  /** Which call answered; decides what a 4xx means. */
  enum Call {
    TRIGGER,
    PROGRESS,
    DOWNLOAD,
    CANCEL
  }

  private final String token;

  BrightDataErrors(String token) {
    this.token = token;
  }

  /** A non-2xx answer (other than the ones the caller handles itself) as a typed failure. */
  ApplicationFailure forStatus(Call call, String what, int status, String body, String retryAfter) {
    String message = "Bright Data answered " + status + " to " + what + ": " + excerpt(body);
    if (status == 429) {
      return Failures.rateLimited(redact(message), parseRetryAfter(retryAfter));
    }
    if (status >= 500) {
      return Failures.unavailable(redact(message), null);
    }
    if (status == 401 || status == 403) {
      return Failures.rejected(redact(message + "; check " + BrightDataConfig.TOKEN_VARIABLE));
    }
    // A snapshot that expired or vanished will not come back: the run has to trigger again.
    if (call != Call.TRIGGER && (status == 400 || status == 404)) {
      return Failures.collectionFailed(redact(message));
    }
    if (status >= 400) {
      return Failures.rejected(redact(message));
    }
    return Failures.unavailable(redact(message), null);
  }

  /** A 2xx whose body is not the JSON asked for: an HTML error page, or garbage. */
  ApplicationFailure notJson(String what, int status, String body) {
    return Failures.unavailable(
        redact(
            "Bright Data answered "
                + status
                + " to "
                + what
                + " with "
                + (looksLikeHtml(body)
                    ? "an HTML page instead of JSON: "
                    : "a body that is not JSON: ")
                + excerpt(body)),
        null);
  }

  /** The connection failed, timed out, or the body ended early. */
  ApplicationFailure io(String what, IOException e) {
    String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
    return Failures.unavailable(
        redact("Bright Data " + what + " failed with " + e.getClass().getSimpleName() + reason),
        null);
  }

  ApplicationFailure corrupt(String what, String detail) {
    return Failures.unavailable(redact("Bright Data " + what + ": " + detail), null);
  }

  /** The provider's text on one line and at most ~200 chars; an HTML page by its title. */
  String excerpt(String body) {
    return ProviderText.excerpt(body, token);
  }

  String redact(String message) {
    return token == null || token.length() < 4 ? message : message.replace(token, "***");
  }

  static boolean looksLikeHtml(String body) {
    return ResponseText.looksLikeHtml(body);
  }

  /** "try again in 30s" from a 202 message; null when the provider gave no delay. */
  static Duration parseTryAgain(String message) {
    Matcher m = message == null ? null : TRY_AGAIN.matcher(message);
    return m != null && m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration parseRetryAfter(String header) {
    return ResponseText.retryAfter(header, Instant.now());
  }
}
