package io.trawl.activities.notify;

import io.trawl.workflows.notify.NotificationFailures;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs one JSON body to one webhook URL and turns the answer into the failure type the delivery
 * retry policy understands.
 *
 * <p>Nothing it throws quotes the URL: messages name the target and the status, and transport
 * exceptions are reduced to their class name because their text can include the address.
 */
public final class WebhookSender {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;

  public WebhookSender() {
    this(Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  /**
   * @param connect connect timeout; a receiver that is down should be retried, not waited for
   * @param call bound on the whole exchange, well under the activity's start-to-close timeout
   */
  public WebhookSender(Duration connect, Duration call) {
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(connect)
            .readTimeout(call)
            .writeTimeout(call)
            .callTimeout(call)
            // A redirect could send the alert somewhere unreviewed; receivers answer directly.
            .followRedirects(false)
            // Temporal retries with backoff; OkHttp's silent replays would hide attempts.
            .retryOnConnectionFailure(false)
            .build();
  }

  /**
   * @return the status of a 2xx answer
   * @throws io.temporal.failure.ApplicationFailure {@code WebhookRejected} (non-retryable) for a
   *     4xx other than 408/429 or a 3xx; {@code WebhookUnavailable} for 408, 429, 5xx and any
   *     transport failure
   */
  public int send(String target, HttpUrl url, String json) {
    Request request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", "trawl-notifications")
            .post(RequestBody.create(json, JSON_TYPE))
            .build();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      if (status >= 200 && status < 300) {
        return status;
      }
      String answer = "webhook " + target + " answered " + status + reason(response);
      if (status == 408 || status == 429 || status >= 500) {
        throw NotificationFailures.unavailable(answer);
      }
      throw NotificationFailures.rejected(answer);
    } catch (IOException e) {
      throw NotificationFailures.unavailable(
          "webhook " + target + " unreachable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The reason phrase; HTTP/2 has none, so the common ones are filled in. */
  private static String reason(Response response) {
    String message = response.message();
    if (message == null || message.isBlank()) {
      message =
          switch (response.code()) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
          };
    }
    return message.isBlank() ? "" : " " + message;
  }
}
