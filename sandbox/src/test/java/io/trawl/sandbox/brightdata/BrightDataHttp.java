package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain {@link HttpClient} speaking to a {@link FakeBrightData}, for the sandbox's own tests. */
final class BrightDataHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TRIGGER_QUERY =
      "/datasets/v3/trigger?dataset_id=gd_lpfll7v5hcqtkxl6l&type=discover_new"
          + "&discover_by=keyword&include_errors=true";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  BrightDataHttp(FakeBrightData fake) {
    this.baseUrl = fake.baseUrl();
  }

  static String input(String keyword, String location, String timeRange) {
    return "[{\"keyword\":\""
        + keyword
        + "\",\"location\":\""
        + location
        + "\",\"country\":\"\",\"time_range\":\""
        + timeRange
        + "\"}]";
  }

  HttpResponse<String> trigger(String body) {
    return send(authorized(TRIGGER_QUERY).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  String triggerOk(String keyword, String location, String timeRange) {
    HttpResponse<String> response = trigger(input(keyword, location, timeRange));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "trigger answered " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("snapshot_id").asText();
  }

  HttpResponse<String> progress(String snapshotId) {
    return send(authorized("/datasets/v3/progress/" + snapshotId).GET());
  }

  HttpResponse<String> download(String snapshotId, String format) {
    return send(authorized("/datasets/v3/snapshot/" + snapshotId + "?format=" + format).GET());
  }

  HttpResponse<String> cancel(String snapshotId) {
    return send(
        authorized("/datasets/v3/snapshot/" + snapshotId + "/cancel")
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> admin(String method, String action, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return send(request("/__admin/" + action).method(method, publisher));
  }

  HttpResponse<String> unauthenticated(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString("[]")));
  }

  /** Polls until ready (at most 10 polls) and returns the final progress body. */
  JsonNode awaitReady(String snapshotId) {
    for (int i = 0; i < 10; i++) {
      JsonNode progress = json(progress(snapshotId));
      if ("ready".equals(progress.path("status").asText())) {
        return progress;
      }
    }
    throw new AssertionError("snapshot " + snapshotId + " never became ready");
  }

  /** Triggers, waits for ready, downloads ndjson and returns the records parsed one per line. */
  List<JsonNode> records(String keyword, String location, String timeRange) {
    String id = triggerOk(keyword, location, timeRange);
    awaitReady(id);
    return lines(download(id, "ndjson").body());
  }

  static List<JsonNode> lines(String ndjson) {
    List<JsonNode> records = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (!line.isBlank()) {
        records.add(parse(line));
      }
    }
    return records;
  }

  static JsonNode json(HttpResponse<String> response) {
    return parse(response.body());
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  private HttpRequest.Builder authorized(String path) {
    return request(path).header("Authorization", "Bearer test-token");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
