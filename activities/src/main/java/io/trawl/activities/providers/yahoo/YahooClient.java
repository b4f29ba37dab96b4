package io.trawl.activities.providers.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ResponseText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yahoo Finance's chart endpoint, {@code GET /v8/finance/chart/{symbol}?range=&interval=}
 * (PROVIDERS.md §4). No key; a browser User-Agent, since Yahoo answers 429 to library defaults.
 *
 * <p>The client never retries; failures are typed: 404 (or a 200 carrying {@code Not Found}) →
 * {@code NotFound}; 400/422 → {@code ProviderRejected}; 429 → {@code ProviderRateLimited} with
 * Retry-After when given; 5xx, the HTML "Will be right back" page and timeouts → {@code
 * ProviderUnavailable}.
 */
public final class YahooClient {
  /** A current desktop Chrome; Yahoo refuses OkHttp's and Java's default agents. */
  public static final String USER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";

  private static final Logger log = LoggerFactory.getLogger(YahooClient.class);
  private static final int ERROR_BODY_BYTES = 4096;

  /** Timeouts and the largest chart accepted (ten years of daily bars is about 1 MB). */
  public record Settings(Duration connect, Duration read, Duration call, long maxBodyBytes) {
    public static final Settings DEFAULT =
        new Settings(
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(20), 8_000_000);
  }

  private final YahooConfig config;
  private final Settings settings;
  private final Clock clock;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public YahooClient(YahooConfig config) {
    this(config, Settings.DEFAULT, Clock.systemUTC());
  }

  public YahooClient(YahooConfig config, Settings settings, Clock clock) {
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connect())
            .readTimeout(settings.read())
            .callTimeout(settings.call())
            .followRedirects(false)
            .build();
  }

  public YahooConfig config() {
    return config;
  }

  /**
   * The chart answer for {@code yahooSymbol} ({@code ^GSPC}, sent URL-encoded), e.g. range {@code
   * 5d} and interval {@code 1d}: the whole {@code {"chart":…}} document, for {@link
   * YahooQuoteParser}.
   */
  public JsonNode chart(String yahooSymbol, String range, String interval) {
    HttpUrl url =
        HttpUrl.get(config.baseUrl())
            .newBuilder()
            .addPathSegments("v8/finance/chart")
            .addPathSegment(yahooSymbol)
            .addQueryParameter("range", range)
            .addQueryParameter("interval", interval)
            .build();
    String what =
        "GET /v8/finance/chart/" + yahooSymbol + "?range=" + range + "&interval=" + interval;
    Request request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      log.debug("yahoo chart symbol={} status={}", yahooSymbol, response.code());
      if (!response.isSuccessful()) {
        String body = response.peekBody(ERROR_BODY_BYTES).string();
        throw forStatus(what, response.code(), body, response.header("Retry-After"));
      }
      String body = ResponseText.readAtMost(response.body(), settings.maxBodyBytes());
      if (body == null) {
        throw Failures.unavailable(
            "Yahoo answer to " + what + " is larger than " + settings.maxBodyBytes() + " bytes",
            null);
      }
      return document(what, body);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw Failures.unavailable(
          "Yahoo " + what + " failed with " + e.getClass().getSimpleName() + reason, null);
    }
  }

  private JsonNode document(String what, String body) {
    if (ResponseText.looksLikeHtml(body)) {
      throw Failures.unavailable(
          "Yahoo answered 200 to " + what + " with " + ResponseText.excerpt(body) + " (outage)",
          null);
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw Failures.unavailable(
          "Yahoo answered 200 to "
              + what
              + " with a body that is not JSON: "
              + ResponseText.excerpt(body),
          null);
    }
    JsonNode error = root == null ? null : root.at("/chart/error");
    if (error != null && error.isObject()) {
      throw forChartError(what, 200, error);
    }
    return root;
  }

  private ApplicationFailure forStatus(String what, int status, String body, String retryAfter) {
    String message = "Yahoo answered " + status + " to " + what + ": " + ResponseText.excerpt(body);
    if (status == 429) {
      return Failures.rateLimited(message, ResponseText.retryAfter(retryAfter, clock.instant()));
    }
    if (status >= 500 || ResponseText.looksLikeHtml(body)) {
      return Failures.unavailable(message, null);
    }
    try {
      JsonNode error = json.readTree(body).at("/chart/error");
      if (error.isObject()) {
        return forChartError(what, status, error);
      }
    } catch (JsonProcessingException e) {
      // Not Yahoo's JSON error: the status alone decides below.
    }
    return status == 404 ? Failures.notFound(message) : Failures.rejected(message);
  }

  /** Yahoo's {@code {"code","description"}}: Not Found is final, other codes are refusals. */
  private static ApplicationFailure forChartError(String what, int status, JsonNode error) {
    String code = error.path("code").asText("");
    String message =
        "Yahoo answered "
            + status
            + " to "
            + what
            + ": "
            + code
            + ": "
            + error.path("description").asText("");
    return code.equalsIgnoreCase("Not Found") || status == 404
        ? Failures.notFound(message)
        : Failures.rejected(message);
  }
}
