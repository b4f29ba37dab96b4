package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.Map;

/** Raw Apify calls against a {@link FakeApify}, for the sandbox's own tests. */
final class ApifyHttp {
  static final String TOKEN = "apify_api_test_token";
  static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + TOKEN);
  static final String INPUT =
      "{\"searchStringsArray\":[\"pharmacy\"],\"locationQuery\":\"San Francisco, CA\","
          + "\"maxCrawledPlacesPerSearch\":100,\"language\":\"en\",\"maxImages\":0,\"maxReviews\":0}";

  final SandboxHttp http;

  ApifyHttp(FakeApify fake) {
    this.http = new SandboxHttp(fake.baseUrl());
  }

  HttpResponse<String> start(String query, String input) {
    return http.post("/acts/compass~crawler-google-places/runs" + query, AUTH, input);
  }

  JsonNode startOk(String query) {
    HttpResponse<String> response = start(query, INPUT);
    if (response.statusCode() != 201) {
      throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
    }
    return SandboxHttp.json(response).get("data");
  }

  HttpResponse<String> run(String runId, int waitForFinish) {
    return http.get("/actor-runs/" + runId + "?waitForFinish=" + waitForFinish, AUTH);
  }

  JsonNode runOk(String runId, int waitForFinish) {
    return SandboxHttp.json(run(runId, waitForFinish)).get("data");
  }

  HttpResponse<String> items(String datasetId, int offset, int limit) {
    return http.get(
        "/datasets/"
            + datasetId
            + "/items?format=json&clean=true&offset="
            + offset
            + "&limit="
            + limit,
        AUTH);
  }

  static long header(HttpResponse<String> response, String name) {
    return Long.parseLong(response.headers().firstValue(name).orElseThrow());
  }
}
