package io.trawl.activities.providers.brightdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trawl.activities.providers.RequestSent;
import io.trawl.activities.providers.ResponseText;
import io.trawl.activities.providers.brightdata.BrightDataErrors.Call;
import io.trawl.workflows.jobs.SnapshotProgress;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bright Data's Datasets v3 API for the LinkedIn jobs dataset: one method per endpoint.
 *
 * <p>The client never retries: a failure is thrown as the {@link
 * io.trawl.workflows.common.Failures} type the activity's retry policy understands (429 → {@code
 * ProviderRateLimited} with Retry-After; 5xx, HTML, cut bodies and timeouts → {@code
 * ProviderUnavailable}; bad credentials or input → {@code ProviderRejected}; an expired or unknown
 * snapshot → {@code CollectionFailed}), and Temporal decides when to call again.
 */
public final class BrightDataClient {
  private static final Logger log = LoggerFactory.getLogger(BrightDataClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final int ERROR_BODY_BYTES = 4096;

  /**
   * Timeouts for every call; {@code downloadCall} bounds a whole snapshot download, which streams
   * for minutes on large snapshots, while {@code call} bounds the small JSON calls.
   */
  public record Timeouts(
      Duration connect, Duration read, Duration write, Duration call, Duration downloadCall) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofSeconds(90),
            Duration.ofMinutes(30));
  }

  private final BrightDataConfig config;
  private final OkHttpClient http;
  private final OkHttpClient triggerHttp;
  private final OkHttpClient downloadHttp;
  private final ObjectMapper json = new ObjectMapper();
  private final BrightDataErrors errors;
  private final SnapshotStreamer streamer;

  public BrightDataClient(BrightDataConfig config) {
    this(config, Timeouts.DEFAULT);
  }

  public BrightDataClient(BrightDataConfig config, Timeouts timeouts) {
    this.config = config;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .followRedirects(false)
            .build();
    // A silently repeated trigger is a second paid collection, so OkHttp must not replay it on a
    // dropped connection; the activity's retry first looks for the recorded snapshot id instead.
    // It also tells its caller when the request starts to leave (RequestSent).
    this.triggerHttp =
        http.newBuilder()
            .retryOnConnectionFailure(false)
            .eventListenerFactory(RequestSent.LISTENER)
            .build();
    this.downloadHttp = http.newBuilder().callTimeout(timeouts.downloadCall()).build();
    this.errors = new BrightDataErrors(config.token());
    this.streamer = new SnapshotStreamer(json.getFactory());
  }

  public BrightDataConfig config() {
    return config;
  }

  public boolean isSandbox() {
    return config.isSandbox();
  }

  /**
   * {@code POST /datasets/v3/trigger} with one keyword discovery input; returns the snapshot id.
   * Each successful call starts a paid collection.
   */
  public String trigger(TriggerInput input) {
    return trigger(input, RequestSent.NONE);
  }

  /** As {@link #trigger(TriggerInput)}, telling {@code sent} when the request starts to leave. */
  public String trigger(TriggerInput input, RequestSent sent) {
    HttpUrl url =
        url("datasets/v3/trigger")
            .addQueryParameter("dataset_id", config.datasetId())
            .addQueryParameter("type", "discover_new")
            .addQueryParameter("discover_by", "keyword")
            .addQueryParameter("include_errors", "true")
            .build();
    ArrayNode body = json.createArrayNode();
    body.addObject()
        .put("keyword", input.keyword())
        .put("location", input.location())
        .put("country", input.country())
        .put("time_range", input.timeRange());
    String what = "POST /datasets/v3/trigger";
    Request request =
        authorized(url)
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .tag(RequestSent.class, sent)
            .build();
    JsonNode answer = callForJson(triggerHttp, request, Call.TRIGGER, what);
    String snapshotId = answer.path("snapshot_id").asText("");
    if (snapshotId.isBlank()) {
      throw errors.corrupt(
          what, "the answer has no snapshot_id: " + errors.excerpt(answer.toString()));
    }
    log.info(
        "bright data trigger snapshot={} location={} range={}",
        snapshotId,
        input.location(),
        input.timeRange());
    return snapshotId;
  }

  /**
   * {@code GET /datasets/v3/progress/{id}}. Unknown statuses come back as they are; {@link
   * SnapshotProgress} treats them as still running.
   */
  public SnapshotProgress progress(String snapshotId) {
    String what = "GET /datasets/v3/progress/" + snapshotId;
    Request request =
        authorized(url("datasets/v3/progress").addPathSegment(snapshotId).build()).build();
    JsonNode answer = callForJson(http, request, Call.PROGRESS, what);
    String status = answer.path("status").asText("");
    if (status.isBlank()) {
      throw errors.corrupt(what, "the answer has no status: " + errors.excerpt(answer.toString()));
    }
    String errorMessage =
        answer.path("error_message").isTextual() ? answer.get("error_message").asText() : null;
    SnapshotProgress progress =
        new SnapshotProgress(
            status, answer.path("records").asInt(0), answer.path("errors").asInt(0), errorMessage);
    log.debug(
        "bright data progress snapshot={} status={} records={}",
        snapshotId,
        status,
        progress.records());
    return progress;
  }

  /**
   * {@code GET /datasets/v3/snapshot/{id}?format=ndjson}, streamed record by record into {@code
   * sink} without buffering the body. A 202 is {@link DownloadOutcome.NotReady}, 400 "Snapshot is
   * empty" is {@link DownloadOutcome.Empty}; a body that stops mid-record throws {@code
   * ProviderUnavailable} after the sink has seen the complete records before the cut, so callers
   * must discard what they staged from a failed download.
   */
  public DownloadOutcome download(String snapshotId, RecordSink sink) {
    String what = "GET /datasets/v3/snapshot/" + snapshotId;
    HttpUrl url =
        url("datasets/v3/snapshot")
            .addPathSegment(snapshotId)
            .addQueryParameter("format", "ndjson")
            .build();
    try (Response response = downloadHttp.newCall(authorized(url).build()).execute()) {
      int status = response.code();
      if (status == 202) {
        String message = notReadyMessage(response);
        Duration retryAfter = BrightDataErrors.parseTryAgain(message);
        if (retryAfter == null) {
          retryAfter = BrightDataErrors.parseRetryAfter(response.header("Retry-After"));
        }
        return DownloadOutcome.notReady(message, retryAfter);
      }
      if (status != 200) {
        String body = response.peekBody(ERROR_BODY_BYTES).string();
        if (status == 400 && body.strip().equalsIgnoreCase("Snapshot is empty")) {
          return DownloadOutcome.empty();
        }
        throw errors.forStatus(Call.DOWNLOAD, what, status, body, response.header("Retry-After"));
      }
      long[] bytes = {0};
      BufferedSource source =
          Okio.buffer(
              new ForwardingSource(response.body().source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  long n = super.read(sink, byteCount);
                  if (n > 0) {
                    bytes[0] += n;
                  }
                  return n;
                }
              });
      int records = streamer.stream(source, sink);
      log.info(
          "bright data download snapshot={} records={} bytes={}", snapshotId, records, bytes[0]);
      return DownloadOutcome.delivered(records, bytes[0]);
    } catch (SnapshotStreamer.CorruptBody e) {
      throw errors.corrupt(what, e.getMessage());
    } catch (IOException e) {
      throw errors.io(what, e);
    }
  }

  /**
   * {@code POST /datasets/v3/snapshot/{id}/cancel}; true when cancelled, false when the collection
   * had already ended (the provider's 400).
   */
  public boolean cancel(String snapshotId) {
    String what = "POST /datasets/v3/snapshot/" + snapshotId + "/cancel";
    HttpUrl url =
        url("datasets/v3/snapshot").addPathSegment(snapshotId).addPathSegment("cancel").build();
    Request request = authorized(url).post(RequestBody.create(new byte[0], null, 0, 0)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.isSuccessful()) {
        log.info("bright data cancel snapshot={}", snapshotId);
        return true;
      }
      String body = response.peekBody(ERROR_BODY_BYTES).string();
      if (response.code() == 400) {
        log.info(
            "bright data cancel snapshot={} not running: {}", snapshotId, errors.excerpt(body));
        return false;
      }
      throw errors.forStatus(
          Call.CANCEL, what, response.code(), body, response.header("Retry-After"));
    } catch (IOException e) {
      throw errors.io(what, e);
    }
  }

  private JsonNode callForJson(OkHttpClient client, Request request, Call call, String what) {
    try (Response response = client.newCall(request).execute()) {
      String body = ResponseText.readCapped(response.body());
      log.debug("bright data call={} status={}", what, response.code());
      if (!response.isSuccessful()) {
        throw errors.forStatus(call, what, response.code(), body, response.header("Retry-After"));
      }
      if (BrightDataErrors.looksLikeHtml(body)) {
        throw errors.notJson(what, response.code(), body);
      }
      try {
        JsonNode answer = json.readTree(body);
        if (answer == null || !answer.isObject()) {
          throw errors.notJson(what, response.code(), body);
        }
        return answer;
      } catch (JsonProcessingException e) {
        throw errors.notJson(what, response.code(), body);
      }
    } catch (IOException e) {
      throw errors.io(what, e);
    }
  }

  private String notReadyMessage(Response response) throws IOException {
    String body = response.peekBody(ERROR_BODY_BYTES).string();
    try {
      JsonNode answer = json.readTree(body);
      if (answer != null && answer.path("message").isTextual()) {
        return answer.get("message").asText();
      }
    } catch (JsonProcessingException e) {
      // Not JSON: the raw text is the best message there is.
    }
    return errors.excerpt(body);
  }

  private HttpUrl.Builder url(String pathSegments) {
    return HttpUrl.get(config.baseUrl()).newBuilder().addPathSegments(pathSegments);
  }

  private Request.Builder authorized(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + config.token());
  }
}
