package io.trawl.activities.etl;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Response;

/** Maps an unusable HTTP answer to the failure type the retry policy understands. */
final class HttpStatusFailures {
  private HttpStatusFailures() {}

  /**
   * 429 retries after Retry-After, 5xx (and 408) retry with backoff, any other 4xx is final: the
   * URL or credentials are wrong and asking again will not change that.
   *
   * @param what names the request for the message, e.g. {@code probe of etl source "x"}
   */
  static ApplicationFailure of(Response response, String what) {
    int status = response.code();
    String message =
        what
            + " answered "
            + status
            + " "
            + response.message()
            + " from "
            + withoutSecrets(response.request().url());
    if (status == 429) {
      return Failures.rateLimited(message, retryAfter(response.header("Retry-After")));
    }
    if (status >= 500 || status == 408) {
      return Failures.unavailable(message, null);
    }
    return Failures.rejected(message);
  }

  /**
   * The URL without credentials or query: tokens travel in query strings and userinfo, never in the
   * path, and the path is what a person needs to see which file failed.
   */
  static String withoutSecrets(HttpUrl url) {
    String shown =
        url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    return url.query() == null ? shown : shown + "?…";
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return null; // An HTTP-date; the policy's backoff is close enough.
    }
  }
}
