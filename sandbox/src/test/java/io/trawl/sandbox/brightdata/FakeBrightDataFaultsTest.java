package io.trawl.sandbox.brightdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeBrightDataFaultsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T08:00:00Z"), ZoneOffset.UTC);

  private FakeBrightData fake;
  private BrightDataHttp http;

  private void start(Faults faults) {
    fake = new FakeBrightData(CLOCK, faults).start();
    http = new BrightDataHttp(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void progressGoesStartingRunningReadyOverTheConfiguredPolls() {
    start(Faults.builder().pollsBeforeReady(3).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");

    assertThat(statuses(id, 4)).containsExactly("starting", "running", "running", "ready");
  }

  @Test
  void progressIsReadyOnTheSecondPollByDefault() {
    start(Faults.none());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");

    assertThat(statuses(id, 2)).containsExactly("running", "ready");
  }

  @Test
  void readyProgressReportsRecordsAndErrors() {
    start(Faults.none());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past month");
    JsonNode ready = http.awaitReady(id);
    List<JsonNode> lines = BrightDataHttp.lines(http.download(id, "ndjson").body());

    long errors = lines.stream().filter(r -> r.has("error_code")).count();
    assertThat(ready.get("errors").asLong()).isEqualTo(errors);
    assertThat(ready.get("records").asLong()).isEqualTo(lines.size() - errors);
  }

  @Test
  void failedProgressCarriesTheErrorMessage() {
    start(Faults.builder().progressFailure("No data found in discovery").build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.progress(id);
    JsonNode failed = BrightDataHttp.json(http.progress(id));

    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error_message").asText()).isEqualTo("No data found in discovery");
  }

  @Test
  void unknownStatusIsReportedBeforeReady() {
    start(Faults.builder().unknownStatus("digesting").pollsBeforeReady(2).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");

    assertThat(statuses(id, 3)).containsExactly("digesting", "digesting", "ready");
  }

  @Test
  void downloadBeforeReadyAnswers202Running() {
    start(Faults.none());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    HttpResponse<String> early = http.download(id, "ndjson");

    assertThat(early.statusCode()).isEqualTo(202);
    assertThat(BrightDataHttp.json(early).get("message").asText()).contains("try again in 10s");
  }

  @Test
  void snapshotKeepsBuildingForTheConfiguredDownloadsAfterReady() {
    start(Faults.builder().snapshotBuilding(2).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);

    HttpResponse<String> first = http.download(id, "ndjson");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(BrightDataHttp.json(first).get("status").asText()).isEqualTo("building");
    assertThat(BrightDataHttp.json(first).get("message").asText())
        .isEqualTo("Snapshot is building, try again in 30s");
    assertThat(http.download(id, "ndjson").statusCode()).isEqualTo(202);
    assertThat(http.download(id, "ndjson").statusCode()).isEqualTo(200);
  }

  @Test
  void triggerIsRateLimitedWithRetryAfterThenAccepted() {
    start(Faults.builder().rateLimited(2, 7).build());
    HttpResponse<String> first =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));
    http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));
    http.triggerOk("x", "Netherlands", "Past week");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("7");
    assertThat(first.body()).startsWith("You have too many running jobs for this dataset");
    assertThat(fake.triggersRefused()).isEqualTo(2);
    assertThat(fake.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void triggerIsRateLimitedWithoutRetryAfter() {
    start(Faults.builder().rateLimitedNoRetryAfter(1).build());
    HttpResponse<String> first =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    assertThat(first.body()).contains("too many running jobs");
  }

  @Test
  void serverErrorBurstAnswers500TextThenRecovers() {
    start(Faults.builder().serverErrors(2, 500).build());
    HttpResponse<String> first =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));
    HttpResponse<String> second =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));

    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(first.body()).isEqualTo("Internal server error");
    assertThat(second.statusCode()).isEqualTo(500);
    http.triggerOk("x", "Netherlands", "Past week");
  }

  @Test
  void gatewayErrorsAnswerHtmlOnlyOnTheTargetedEndpoint() {
    start(Faults.builder().serverErrors(1, 502).burstEndpoint("snapshot").build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);
    HttpResponse<String> gateway = http.download(id, "ndjson");

    assertThat(gateway.statusCode()).isEqualTo(502);
    assertThat(gateway.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(gateway.body()).contains("<html>");
    assertThat(http.download(id, "ndjson").statusCode()).isEqualTo(200);
  }

  @Test
  void htmlErrorPageComesWithStatus200() {
    start(Faults.builder().htmlPages(1).burstEndpoint("progress").build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    HttpResponse<String> page = http.progress(id);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void emptySnapshotAnswers400Text() {
    start(Faults.builder().emptySnapshot(true).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);
    HttpResponse<String> empty = http.download(id, "ndjson");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).isEqualTo("Snapshot is empty");
  }

  @Test
  void expiredSnapshotAnswers400Text() {
    start(Faults.builder().expiredSnapshot(true).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);
    HttpResponse<String> expired = http.download(id, "json");

    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).isEqualTo("Snapshot is expired");
  }

  @Test
  void truncatedBodyEndsMidRecordAndClosesTheConnection() {
    start(Faults.builder().truncateBody(true).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past month");
    JsonNode ready = http.awaitReady(id);

    assertThatThrownBy(() -> http.download(id, "ndjson")).isInstanceOf(UncheckedIOException.class);
    assertThat(fake.recordsDelivered()).isPositive().isLessThan(ready.get("records").asLong());
  }

  @Test
  void slowBodyStillDeliversEveryRecord() {
    start(Faults.builder().slowBodyMillis(25).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past 24 hours");
    JsonNode ready = http.awaitReady(id);
    long started = System.nanoTime();
    List<JsonNode> records = BrightDataHttp.lines(http.download(id, "ndjson").body());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(records).hasSize(ready.get("records").asInt() + ready.get("errors").asInt());
    assertThat(millis).isGreaterThanOrEqualTo(25L * (records.size() - 1));
  }

  @Test
  void latencyDelaysEveryAnswer() {
    start(Faults.builder().latencyMillis(150).build());
    long started = System.nanoTime();
    http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));

    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
  }

  @Test
  void ignoredFormatAnswersAJsonArrayToAnNdjsonRequest() {
    start(Faults.builder().ignoreFormat(true).build());
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);
    String body = http.download(id, "ndjson").body();

    JsonNode array = BrightDataHttp.parse(body);
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isPositive();
  }

  @Test
  void faultsCanBeReplacedWhileRunning() {
    start(Faults.none());
    fake.faults(Faults.builder().rateLimitedNoRetryAfter(1).build());

    assertThat(http.trigger(BrightDataHttp.input("x", "Netherlands", "Any time")).statusCode())
        .isEqualTo(429);
    assertThat(fake.faults().rateLimitedNoRetryAfter()).isEqualTo(1);
    http.triggerOk("x", "Netherlands", "Any time");
  }

  private List<String> statuses(String id, int polls) {
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      statuses.add(BrightDataHttp.json(http.progress(id)).get("status").asText());
    }
    return statuses;
  }

  @Test
  void twentyFive429sInFiveMinutesBlockTheIpForEveryRequestUntilSupportLiftsIt() {
    start(Faults.builder().rateLimitedNoRetryAfter(100).build());
    String body = BrightDataHttp.input("Data Engineer", "Netherlands", "Past week");
    for (int i = 0; i < 24; i++) {
      assertThat(http.trigger(body).statusCode()).isEqualTo(429);
    }
    assertThat(fake.ipBlocked()).isFalse();

    assertThat(http.trigger(body).statusCode()).isEqualTo(429);

    assertThat(fake.ipBlocked()).isTrue();
    HttpResponse<String> blocked = http.progress("s_anything");
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.body()).contains("Your IP is blocked");
    fake.reset();
    assertThat(fake.ipBlocked()).isFalse();
    assertThat(http.trigger(body).statusCode()).isEqualTo(200);
  }
}
