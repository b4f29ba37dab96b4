package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.providers.ProviderText;
import io.trawl.activities.providers.ResponseText;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apify API v2 for the Google Maps actor: one method per endpoint (PROVIDERS.md §2).
 *
 * <p>The client never retries: failures are thrown as {@link io.trawl.workflows.common.Failures}
 * types (429 → {@code ProviderRateLimited} without a delay, since Apify sends no Retry-After; 5xx,
 * HTML, cut bodies and timeouts → {@code ProviderUnavailable}; 401/403 and a missing actor → {@code
 * ProviderRejected}; a missing run or dataset → {@code NotFound}), and Temporal decides when to
 * call again.
 */
public final class ApifyClient {
  /** The first retry delay for 429/5xx, as Apify's own clients use; it doubles from there. */
  public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Apify caps {@code waitForFinish} at 60 seconds. */
  public static final int MAX_WAIT_SECS = 60;

  private static final Logger log = LoggerFactory.getLogger(ApifyClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /**
   * Timeouts for every call; a long-poll's read and call timeouts grow by its {@code
   * waitForFinish}.
   */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60));
  }

  private final ApifyConfig config;
  private final Timeouts timeouts;
  private final OkHttpClient http;
  private final OkHttpClient startHttp;
  private final ObjectMapper json = new ObjectMapper();
  private final ApifyErrors errors;

  public ApifyClient(ApifyConfig config) {
    this(config, Timeouts.DEFAULT);
  }

  public ApifyClient(ApifyConfig config, Timeouts timeouts) {
    this.config = config;
    this.timeouts = timeouts;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .followRedirects(false)
            .build();
    // A silently repeated start is a second paid actor run, so OkHttp must not replay it on a
    // dropped connection; the caller's retry first looks for the run id it recorded.
    this.startHttp = http.newBuilder().retryOnConnectionFailure(false).build();
    this.errors = new ApifyErrors(config.token());
  }

  public ApifyConfig config() {
    return config;
  }

  /**
   * {@code POST /acts/{actor}/runs?waitForFinish=0}: starts a paid actor run and returns it (READY
   * or RUNNING).
   *
   * @param maxTotalChargeUsd the most the run may cost, sent as {@code maxTotalChargeUsd}; null for
   *     no cap
   */
  public ApifyRun startRun(String actor, ApifyRunInput input, Double maxTotalChargeUsd) {
    String what = "POST /acts/" + actor + "/runs";
    HttpUrl.Builder url =
        url("acts")
            .addPathSegment(actor)
            .addPathSegment("runs")
            .addQueryParameter("waitForFinish", "0");
    if (maxTotalChargeUsd != null) {
      url.addQueryParameter("maxTotalChargeUsd", String.valueOf(maxTotalChargeUsd));
    }
    Request request =
        authorized(url.build())
            .post(RequestBody.create(input.toJson().toString(), JSON_TYPE))
            .build();
    ApifyRun run = run(callForJson(startHttp, request, what, "actor " + actor), what);
    log.info(
        "apify run started run={} actor={} location={} searches={}",
        run.id(),
        actor,
        input.locationQuery(),
        input.searchStrings().size());
    return run;
  }

  /**
   * {@code GET /actor-runs/{id}?waitForFinish=N}: the run once it finishes or after {@code
   * waitForFinishSecs} (capped at {@value #MAX_WAIT_SECS}), whichever comes first.
   */
  public ApifyRun getRun(String runId, int waitForFinishSecs) {
    int wait = Math.max(0, Math.min(MAX_WAIT_SECS, waitForFinishSecs));
    String what = "GET /actor-runs/" + runId;
    HttpUrl url =
        url("actor-runs")
            .addPathSegment(runId)
            .addQueryParameter("waitForFinish", String.valueOf(wait))
            .build();
    Duration extra = Duration.ofSeconds(wait);
    OkHttpClient longPoll =
        http.newBuilder()
            .readTimeout(timeouts.read().plus(extra))
            .callTimeout(timeouts.call().plus(extra))
            .build();
    ApifyRun run = run(callForJson(longPoll, authorized(url).build(), what, "run " + runId), what);
    log.debug("apify run run={} status={} usage={}", runId, run.status(), run.usageTotalUsd());
    return run;
  }

  /** {@code POST /actor-runs/{id}/abort}: stops the run; an ended run comes back as it is. */
  public ApifyRun abortRun(String runId) {
    String what = "POST /actor-runs/" + runId + "/abort";
    HttpUrl url = url("actor-runs").addPathSegment(runId).addPathSegment("abort").build();
    Request request = authorized(url).post(RequestBody.create(new byte[0], null)).build();
    ApifyRun run = run(callForJson(http, request, what, "run " + runId), what);
    log.info("apify run abort run={} status={}", runId, run.status());
    return run;
  }

  /**
   * {@code GET /datasets/{id}/items?format=json&clean=true&offset=&limit=}: one page of items, as
   * JSON trees for a tolerant parser.
   */
  public ApifyItemsPage itemsPage(String datasetId, long offset, long limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset must be 0 or more and limit 1 or more, got " + offset + " and " + limit);
    }
    String what = "GET /datasets/" + datasetId + "/items";
    HttpUrl url =
        url("datasets")
            .addPathSegment(datasetId)
            .addPathSegment("items")
            .addQueryParameter("format", "json")
            .addQueryParameter("clean", "true")
            .addQueryParameter("offset", String.valueOf(offset))
            .addQueryParameter("limit", String.valueOf(limit))
            .build();
    try (Response response = http.newCall(authorized(url).build()).execute()) {
      String body = ResponseText.readCapped(response.body());
      if (!response.isSuccessful()) {
        throw errors.forStatus(
            what, "dataset " + datasetId, response.code(), body, response.header("Retry-After"));
      }
      JsonNode items = parse(body, what, response.code());
      if (!items.isArray()) {
        throw errors.notJson(what, response.code(), body);
      }
      String total = response.header("X-Apify-Pagination-Total");
      if (total == null) {
        throw errors.corrupt(what, "the answer has no X-Apify-Pagination-Total header");
      }
      List<JsonNode> list = new ArrayList<>(items.size());
      items.forEach(list::add);
      log.debug(
          "apify items dataset={} offset={} count={} total={}",
          datasetId,
          offset,
          list.size(),
          total);
      return new ApifyItemsPage(list, offset, limit, Long.parseLong(total.strip()));
    } catch (NumberFormatException e) {
      throw errors.corrupt(what, "X-Apify-Pagination-Total is not a number");
    } catch (IOException e) {
      throw errors.io(what, e);
    }
  }

  private ApifyRun run(JsonNode answer, String what) {
    JsonNode data = answer.path("data");
    if (!data.isObject() || !data.path("id").isTextual()) {
      throw errors.corrupt(
          what, "the answer has no data.id: " + ProviderText.excerpt(answer.toString()));
    }
    return ApifyRun.fromJson(data);
  }

  private JsonNode callForJson(OkHttpClient client, Request request, String what, String subject) {
    try (Response response = client.newCall(request).execute()) {
      String body = ResponseText.readCapped(response.body());
      if (!response.isSuccessful()) {
        throw errors.forStatus(
            what, subject, response.code(), body, response.header("Retry-After"));
      }
      JsonNode answer = parse(body, what, response.code());
      if (!answer.isObject()) {
        throw errors.notJson(what, response.code(), body);
      }
      return answer;
    } catch (IOException e) {
      throw errors.io(what, e);
    }
  }

  private JsonNode parse(String body, String what, int status) {
    if (ProviderText.looksLikeHtml(body)) {
      throw errors.notJson(what, status, body);
    }
    try {
      JsonNode answer = json.readTree(body);
      if (answer == null) {
        throw errors.notJson(what, status, body);
      }
      return answer;
    } catch (JsonProcessingException e) {
      throw errors.notJson(what, status, body);
    }
  }

  private HttpUrl.Builder url(String segment) {
    return HttpUrl.get(config.baseUrl()).newBuilder().addPathSegment(segment);
  }

  private Request.Builder authorized(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + config.token());
  }
}
