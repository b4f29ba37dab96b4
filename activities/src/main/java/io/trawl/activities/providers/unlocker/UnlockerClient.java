package io.trawl.activities.providers.unlocker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.RequestSent;
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
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration LAST_POLL = Duration.ofSeconds(2);
  // A result cut on the way is read again this many times; reading is free.
  private static final int RE_READS = 2;

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
            .eventListenerFactory(RequestSent.LISTENER)
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
   * Asks the Unlocker for {@code url} through {@code zone} without waiting for the page ({@code
   * ?async=true}) and returns the request's response id, for {@link #result}. Bright Data bills the
   * request once its page is unlocked, however often the result is read: keep the id, and a process
   * that dies while the page is unlocked can read it after a restart instead of paying for a second
   * request.
   */
  public String submit(String zone, String url) {
    return submit(zone, url, RequestSent.NONE);
  }

  /**
   * As {@link #submit(String, String)}; {@code sent} is told as the request starts to leave, from
   * when Bright Data may bill it.
   */
  public String submit(String zone, String url, RequestSent sent) {
    requireZone(zone);
    Response response;
    try {
      response = http.newCall(unlockRequest(zone, url, true, sent)).execute();
    } catch (IOException e) {
      throw errors.io(url, e);
    }
    try (response) {
      int status = response.code();
      if (!response.isSuccessful()) {
        throw refusal(url, response);
      }
      String id = response.header("x-response-id");
      if (id == null || id.isBlank()) {
        throw Failures.unavailable(
            "Bright Data Unlocker accepted the request for "
                + url
                + " with "
                + status
                + " but gave no x-response-id",
            null);
      }
      log.debug("unlocker submitted url={} zone={} response_id={}", url, zone, id);
      return id;
    } catch (IOException e) {
      throw errors.io(url, e);
    }
  }

  /**
   * The page of the request {@code responseId} ({@link #submit}), polling {@code GET
   * /unblocker/get_result} while it answers 202, up to the call timeout. Reading is free: a body
   * cut on the way is read again, twice, before the page counts as lost. A page that cannot be read
   * (cut, unreachable, not unlocked in time) is {@code PaidAnswerLost}: the request may be billed.
   * The target's refusals come as {@link #fetch} would give them, and are free.
   */
  public String result(String zone, String url, String responseId) {
    // Real time, whatever clock the caller dates things by (a bench moves its own).
    long deadline = System.nanoTime() + settings.call().toNanos();
    Duration pause = FIRST_POLL;
    int cutReads = 0;
    while (true) {
      Request request =
          new Request.Builder()
              .url(
                  HttpUrl.get(config.baseUrl())
                      .newBuilder()
                      .addPathSegments("unblocker/get_result")
                      .addQueryParameter("response_id", responseId)
                      .addQueryParameter("zone", zone)
                      .build())
              .header("Authorization", "Bearer " + config.token())
              .get()
              .build();
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (IOException e) {
        // The request was accepted and is unlocked, and billed, whether or not it can be read.
        throw errors.lostAnswer(url, e);
      }
      try (response) {
        int status = response.code();
        if (status == 202) {
          // Still being unlocked: wait below.
        } else if (!response.isSuccessful()) {
          throw refusal(url, response);
        } else {
          try {
            String page = ResponseText.readAtMost(response.body(), settings.maxPageBytes());
            if (page == null) {
              throw errors.tooLarge(url, settings.maxPageBytes());
            }
            return page;
          } catch (IOException e) {
            if (++cutReads > RE_READS) {
              throw errors.lostAnswer(url, e);
            }
            log.debug("unlocker result read again url={} after {}", url, e.toString());
            continue;
          }
        }
      } catch (IOException e) {
        throw errors.io(url, e);
      }
      if (System.nanoTime() + pause.toNanos() - deadline >= 0) {
        // Still unlocking: Bright Data may yet bill it, so the caller books it as spent.
        throw Failures.paidAnswerLost(
            "Bright Data Unlocker had not unlocked "
                + url
                + " after "
                + settings.call().toSeconds()
                + " s");
      }
      sleep(pause);
      pause = pause.multipliedBy(3).dividedBy(2);
      if (pause.compareTo(LAST_POLL) > 0) {
        pause = LAST_POLL;
      }
    }
  }

  /** The typed failure for a response that is not a success, from its status and headers. */
  private ApplicationFailure refusal(String url, Response response) throws IOException {
    return errors.forStatus(
        url,
        response.code(),
        response.header("x-brd-err-code"),
        response.peekBody(ERROR_BODY_BYTES).string(),
        response.header("Retry-After"),
        clock.instant());
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.unavailable("interrupted while waiting for the Unlocker", null);
    }
  }

  private static void requireZone(String zone) {
    if (zone == null || zone.isBlank()) {
      throw Failures.invalidInput(
          "Bright Data Unlocker zone is empty; set "
              + UnlockerConfig.ZONE_VARIABLE
              + " or market.bright_data.zone");
    }
  }

  private Request unlockRequest(String zone, String url, boolean async, RequestSent sent) {
    ObjectNode body =
        json.createObjectNode().put("zone", zone).put("url", url).put("format", "raw");
    HttpUrl.Builder endpoint = HttpUrl.get(config.baseUrl()).newBuilder().addPathSegment("request");
    if (async) {
      endpoint.addQueryParameter("async", "true");
    }
    return new Request.Builder()
        .url(endpoint.build())
        .header("Authorization", "Bearer " + config.token())
        .post(RequestBody.create(body.toString(), JSON_TYPE))
        .tag(RequestSent.class, sent)
        .build();
  }

  /**
   * Fetches {@code url} through {@code zone} and returns the page as text. Each successful call is
   * billed by Bright Data.
   */
  public String fetch(String zone, String url) {
    requireZone(zone);
    Request request = unlockRequest(zone, url, false, RequestSent.NONE);
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
        throw refusal(url, response);
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
