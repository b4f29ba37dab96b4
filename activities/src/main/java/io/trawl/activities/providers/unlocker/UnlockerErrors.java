package io.trawl.activities.providers.unlocker;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.activities.providers.ResponseText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the Web Unlocker's answers into typed failures. Bright Data marks its own refusals with an
 * {@code x-brd-err-code} header; a status without one is the target's (Bloomberg's) answer passed
 * through. Messages name the URL, the status, the code and the variable to check, never the token.
 */
final class UnlockerErrors {
  private static final Set<String> ZONE_NOT_FOUND =
      Set.of("client_10000", "client_10001", "client_10002");
  private static final Pattern ZONE_TEXT = Pattern.compile("(?i)zone \"[^\"]*\" not found");

  private final String token;

  UnlockerErrors(String token) {
    this.token = token;
  }

  /** A non-2xx answer as a typed failure. */
  ApplicationFailure forStatus(
      String url, int status, String errorCode, String body, String retryAfter, Instant now) {
    String message =
        "Bright Data Unlocker answered "
            + status
            + (errorCode == null ? "" : " (" + errorCode + ")")
            + " for "
            + url
            + ": "
            + ProviderText.excerpt(body, token);
    if (isZoneNotFound(errorCode, body)) {
      return Failures.rejected(redact(message + "; check " + UnlockerConfig.ZONE_VARIABLE));
    }
    if (status == 429) {
      return Failures.rateLimited(redact(message), ResponseText.retryAfter(retryAfter, now));
    }
    if (status >= 500) {
      return Failures.unavailable(redact(message), null);
    }
    if (status == 401 || status == 407 || status == 403 && isAccountCode(errorCode)) {
      return Failures.rejected(redact(message + "; check " + UnlockerConfig.TOKEN_VARIABLE));
    }
    if (status == 403 && errorCode != null) {
      // policy_*: Bright Data refuses this target for the account; asking again will not help.
      return Failures.rejected(redact(message));
    }
    if (status == 403) {
      // No Bright Data code: the target itself refused (Bloomberg's robot page comes as 403 too).
      return Failures.unavailable(redact("Bloomberg blocked the request: " + message), null);
    }
    if (status == 404 && errorCode == null) {
      return Failures.notFound(redact(message));
    }
    return Failures.rejected(redact(message));
  }

  /** The connection failed or timed out, or OkHttp refused a 407 it cannot answer. */
  ApplicationFailure io(String url, IOException e) {
    String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (e instanceof ProtocolException && reason.contains("407")) {
      // OkHttp turns a 407 without a configured proxy into this exception, headers unread.
      return Failures.rejected(
          redact(
              "Bright Data Unlocker answered 407 for "
                  + url
                  + "; check "
                  + UnlockerConfig.ZONE_VARIABLE
                  + " and "
                  + UnlockerConfig.TOKEN_VARIABLE));
    }
    return Failures.unavailable(
        redact(
            "Bright Data Unlocker request for "
                + url
                + " failed with "
                + e.getClass().getSimpleName()
                + reason),
        null);
  }

  /**
   * Bright Data answered 200, so it billed the request, but the page broke on the way (reset
   * mid-body, cut short): retryable, and the caller books the lost request as spent.
   */
  ApplicationFailure lostAnswer(String url, IOException e) {
    return Failures.paidAnswerLost(
        redact(
            "Bright Data Unlocker answered 200 for "
                + url
                + " but the page was lost on the way: "
                + e.getClass().getSimpleName()));
  }

  ApplicationFailure tooLarge(String url, long maxBytes) {
    return Failures.unavailable(
        "Bright Data Unlocker answer for " + url + " is larger than " + maxBytes + " bytes", null);
  }

  private static boolean isZoneNotFound(String errorCode, String body) {
    return errorCode != null && ZONE_NOT_FOUND.contains(errorCode)
        || body != null && ZONE_TEXT.matcher(body).find();
  }

  /** {@code client_*} codes other than the zone ones concern the account (suspended, …). */
  private static boolean isAccountCode(String errorCode) {
    return errorCode != null && errorCode.startsWith("client_");
  }

  private String redact(String message) {
    return token == null || token.length() < 4 ? message : message.replace(token, "***");
  }
}
