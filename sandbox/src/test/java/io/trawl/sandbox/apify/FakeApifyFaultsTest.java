package io.trawl.sandbox.apify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.SandboxHttp;
import io.trawl.sandbox.maps.MapsUniverse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeApifyFaultsTest {
  private FakeApify fake;
  private ApifyHttp http;

  private void start(ApifyFaults.Builder faults) {
    fake =
        new FakeApify(ApifyHttp.TOKEN, new MapsUniverse(), faults.millisPerSecond(5).build())
            .start();
    http = new ApifyHttp(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void rateLimitAnswers429WithoutRetryAfterThenRecovers() {
    start(ApifyFaults.builder().rateLimited(2));
    HttpResponse<String> first = http.start("", ApifyHttp.INPUT);
    http.start("", ApifyHttp.INPUT);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    assertThat(SandboxHttp.json(first).at("/error/type").asText()).isEqualTo("rate-limit-exceeded");
    assertThat(http.start("", ApifyHttp.INPUT).statusCode()).isEqualTo(201);
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void serverErrorThenSuccess() {
    start(ApifyFaults.builder().common(CommonFaults.none().withServerErrors(1)));
    HttpResponse<String> first = http.start("", ApifyHttp.INPUT);

    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(SandboxHttp.json(first).at("/error/type").asText())
        .isEqualTo("internal-server-error");
    assertThat(http.start("", ApifyHttp.INPUT).statusCode()).isEqualTo(201);
  }

  @Test
  void gatewayErrorsAnswerHtmlOnlyAtTheTargetedEndpoint() {
    start(
        ApifyFaults.builder()
            .common(CommonFaults.none().withGatewayErrors(1, 503).onlyAt(FakeApify.RUN)));
    String id = http.startOk("").get("id").asText();
    HttpResponse<String> gateway = http.run(id, 0);

    assertThat(gateway.statusCode()).isEqualTo(503);
    assertThat(gateway.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(http.run(id, 0).statusCode()).isEqualTo(200);
  }

  @Test
  void htmlPageComesWithStatus200() {
    start(ApifyFaults.builder().common(CommonFaults.none().withHtmlPages(1)));
    HttpResponse<String> page = http.start("", ApifyHttp.INPUT);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).startsWith("<!DOCTYPE html>");
    assertThat(fake.runsStarted()).isZero();
  }

  @Test
  void truncatedJsonIsAComplete200WhoseBodyStopsHalfway() {
    start(
        ApifyFaults.builder()
            .common(CommonFaults.none().withTruncatedJson(1).onlyAt(FakeApify.ITEMS)));
    String dataset =
        http.runOk(http.startOk("").get("id").asText(), 60).get("defaultDatasetId").asText();
    HttpResponse<String> cut = http.items(dataset, 0, 100);

    assertThat(cut.statusCode()).isEqualTo(200);
    assertThat(cut.body()).startsWith("[{").doesNotEndWith("]");
    assertThatThrownBy(() -> SandboxHttp.json(cut)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void resetMidBodyDropsTheConnection() {
    start(
        ApifyFaults.builder()
            .common(CommonFaults.none().withResetMidBody(1).onlyAt(FakeApify.START)));

    IOException failure =
        http.http.postFailure(
            "/acts/compass~crawler-google-places/runs", ApifyHttp.AUTH, ApifyHttp.INPUT);

    assertThat(failure).isNotNull();
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void latencyPastTheClientTimeoutIsAHang() throws Exception {
    start(ApifyFaults.builder().common(CommonFaults.none().withLatency(3_000, 0, 0)));
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/actor-runs/x"))
            .header("Authorization", "Bearer " + ApifyHttp.TOKEN)
            .timeout(Duration.ofMillis(200))
            .build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void randomFailuresRepeatForTheSameSeed() {
    List<Integer> first = statuses(42);
    List<Integer> second = statuses(42);

    assertThat(first).isEqualTo(second).contains(503).contains(404);
  }

  private List<Integer> statuses(long seed) {
    start(ApifyFaults.builder().common(CommonFaults.none().withRandomFailures(0.5, seed)));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(http.run("missing", 0).statusCode());
    }
    fake.close();
    return statuses;
  }
}
