package io.trawl.activities.providers.unlocker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.providers.ResponseText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bright Data's Web Unlocker "request" API: {@code POST /request} fetches one page through a zone
 * and returns the target's bytes ({@code format: raw}).
 *
 * <p>The client never retries; failures are typed for the activity's retry policy: 429 → {@code
 * ProviderRateLimited} with Retry-After; 5xx (with its {@code x-brd-err-code}), gateway pages and
 * timeouts → {@code ProviderUnavailable}; a bad token, an unknown zone or a policy refusal → {@code
 * ProviderRejected} naming the variable to check. A 200 can still be a block page: what the page
 * holds is for {@link BloombergPageParser} to judge.
 */
public final class UnlockerClient {
  private static final Logger log = LoggerFactory.getLogger(UnlockerClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final int ERROR_BODY_BYTES = 4096;

  /**
   * Timeouts and the largest page accepted. The original crawler gave the Unlocker 30 s; unlocking
   * a guarded page can take longer, so the whole call may run a minute.
   */
  public record Settings(Duration connect, Duration read, Duration call, long maxPageBytes) {
    public static final Settings DEFAULT =
        new Settings(
            Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(60), 8_000_000);
  }

  private final UnlockerConfig config;
  private final Settings settings;
  private final Clock clock;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final UnlockerErrors errors;

  public UnlockerClient(UnlockerConfig config) {
    this(config, Settings.DEFAULT, Clock.systemUTC());
  }

  public UnlockerClient(UnlockerConfig config, Settings settings, Clock clock) {
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    // A repeated request is a second paid request, so OkHttp must not replay it by itself.
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connect())
            .readTimeout(settings.read())
            .callTimeout(settings.call())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
    this.errors = new UnlockerErrors(config.token());
  }

  public UnlockerConfig config() {
    return config;
  }

  public boolean isSandbox() {
    return config.isSandbox();
  }

  /**
   * Fetches {@code url} through {@code zone} and returns the page as text. Each successful call is
   * billed by Bright Data.
   */
  public String fetch(String zone, String url) {
    if (zone == null || zone.isBlank()) {
      throw Failures.invalidInput(
          "Bright Data Unlocker zone is empty; set "
              + UnlockerConfig.ZONE_VARIABLE
              + " or market.bright_data.zone");
    }
    ObjectNode body =
        json.createObjectNode().put("zone", zone).put("url", url).put("format", "raw");
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(config.baseUrl()).newBuilder().addPathSegment("request").build())
            .header("Authorization", "Bearer " + config.token())
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build();
    Response response;
    try {
      response = http.newCall(request).execute();
    } catch (IOException e) {
      throw errors.io(url, e);
    }
    try (response) {
      int status = response.code();
      String errorCode = response.header("x-brd-err-code");
      log.debug("unlocker fetch url={} zone={} status={} code={}", url, zone, status, errorCode);
      if (!response.isSuccessful()) {
        String text = response.peekBody(ERROR_BODY_BYTES).string();
        throw errors.forStatus(
            url, status, errorCode, text, response.header("Retry-After"), clock.instant());
      }
      String page;
      try {
        page = ResponseText.readAtMost(response.body(), settings.maxPageBytes());
      } catch (IOException e) {
        throw errors.lostAnswer(url, e);
      }
      if (page == null) {
        throw errors.tooLarge(url, settings.maxPageBytes());
      }
      log.debug("unlocker fetched url={} zone={} bytes={}", url, zone, page.length());
      return page;
    } catch (IOException e) {
      throw errors.io(url, e);
    }
  }
}
