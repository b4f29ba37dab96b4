package io.trawl.activities.providers.brightdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.SnapshotProgress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BrightDataClientTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T08:00:00Z"), ZoneOffset.UTC);
  private static final TriggerInput WEEK =
      TriggerInput.of("Data Engineer", "Netherlands", DateRange.PAST_WEEK);

  private FakeBrightData fake;
  private BrightDataClient client;

  private void start(Faults faults) {
    fake = new FakeBrightData(CLOCK, faults).start();
    client = new BrightDataClient(BrightDataConfig.sandbox(fake.baseUrl()));
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void triggerReturnsTheSnapshotIdAndPaysOnce() {
    start(Faults.none());

    String snapshotId = client.trigger(WEEK);

    assertThat(snapshotId).startsWith("s_");
    assertThat(fake.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void rateLimitedTriggerCarriesRetryAfter() {
    start(Faults.builder().rateLimited(1, 7).build());

    ApplicationFailure failure = failure(() -> client.trigger(WEEK));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getOriginalMessage())
        .startsWith("Bright Data answered 429 to POST /datasets/v3/trigger: You have too many");
    assertThat(fake.triggersAccepted()).isZero();
  }

  @Test
  void rateLimitedTriggerWithoutRetryAfterLeavesTheDelayToThePolicy() {
    start(Faults.builder().rateLimitedNoRetryAfter(1).build());

    ApplicationFailure failure = failure(() -> client.trigger(WEEK));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.isNonRetryable()).isFalse();
  }

  @Test
  void serverErrorBurstFailsRetryablyThenTheCallersRetrySucceeds() {
    start(Faults.builder().serverErrors(2, 500).build());

    ApplicationFailure first = failure(() -> client.trigger(WEEK));
    ApplicationFailure second = failure(() -> client.trigger(WEEK));
    String snapshotId = client.trigger(WEEK);

    assertThat(first.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(first.getOriginalMessage())
        .isEqualTo("Bright Data answered 500 to POST /datasets/v3/trigger: Internal server error");
    assertThat(second.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(snapshotId).isNotBlank();
    assertThat(fake.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void gatewayErrorWithHtmlIsUnavailableAndNamesThePage() {
    start(Faults.builder().serverErrors(1, 502).burstEndpoint("progress").build());
    String snapshotId = client.trigger(WEEK);

    ApplicationFailure failure = failure(() -> client.progress(snapshotId));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data answered 502 to GET /datasets/v3/progress/"
                + snapshotId
                + ": HTML page \"502 Bad Gateway\"");
  }

  @Test
  void htmlPageWithStatus200IsUnavailable() {
    start(Faults.builder().htmlPages(1).burstEndpoint("trigger").build());

    ApplicationFailure failure = failure(() -> client.trigger(WEEK));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .contains("answered 200 to POST /datasets/v3/trigger with an HTML page instead of JSON");
  }

  @Test
  void htmlPageInsteadOfASnapshotBodyIsUnavailable() {
    start(Faults.builder().htmlPages(1).burstEndpoint("snapshot").build());
    String snapshotId = readySnapshot();
    List<String> records = new ArrayList<>();

    ApplicationFailure failure = failure(() -> client.download(snapshotId, records::add));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("an HTML page instead of records");
    assertThat(records).isEmpty();
  }

  @Test
  void snapshotStillBuildingIsNotReadyWithTheSuggestedDelay() {
    start(Faults.builder().snapshotBuilding(1).build());
    String snapshotId = readySnapshot();

    DownloadOutcome first = client.download(snapshotId, record -> {});
    DownloadOutcome second = client.download(snapshotId, record -> {});

    assertThat(first)
        .isEqualTo(
            new DownloadOutcome.NotReady(
                "Snapshot is building, try again in 30s", Duration.ofSeconds(30)));
    assertThat(second).isInstanceOf(DownloadOutcome.Delivered.class);
  }

  @Test
  void downloadBeforeReadyIsNotReady() {
    start(Faults.none());
    String snapshotId = client.trigger(WEEK);

    DownloadOutcome outcome = client.download(snapshotId, record -> {});

    assertThat(outcome)
        .isEqualTo(
            new DownloadOutcome.NotReady(
                "Snapshot is not ready yet, try again in 10s", Duration.ofSeconds(10)));
  }

  @Test
  void emptySnapshotIsAValidResultWithNoRecords() {
    start(Faults.builder().emptySnapshot(true).build());
    String snapshotId = readySnapshot();

    DownloadOutcome outcome = client.download(snapshotId, record -> {});

    assertThat(outcome).isEqualTo(new DownloadOutcome.Empty());
    assertThat(outcome.records()).isZero();
  }

  @Test
  void truncatedBodyIsUnavailableAfterTheCompleteRecords() {
    start(Faults.builder().truncateBody(true).build());
    String snapshotId = readySnapshot();
    List<String> records = new ArrayList<>();

    ApplicationFailure failure = failure(() -> client.download(snapshotId, records::add));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .startsWith("Bright Data GET /datasets/v3/snapshot/" + snapshotId + " failed with");
    assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("{").endsWith("}"));
  }

  @Test
  void truncatedJsonArrayIsUnavailable() {
    start(Faults.builder().truncateBody(true).ignoreFormat(true).build());
    String snapshotId = readySnapshot();

    ApplicationFailure failure = failure(() -> client.download(snapshotId, record -> {}));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
  }

  @Test
  void expiredSnapshotIsACollectionFailure() {
    start(Faults.builder().expiredSnapshot(true).build());
    String snapshotId = readySnapshot();

    ApplicationFailure failure = failure(() -> client.download(snapshotId, record -> {}));

    assertThat(failure.getType()).isEqualTo(Failures.COLLECTION_FAILED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).endsWith(": Snapshot is expired");
  }

  @Test
  void unknownSnapshotIsACollectionFailure() {
    start(Faults.none());

    ApplicationFailure failure = failure(() -> client.progress("s_gone"));

    assertThat(failure.getType()).isEqualTo(Failures.COLLECTION_FAILED);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data answered 404 to GET /datasets/v3/progress/s_gone: Snapshot does not"
                + " exist");
  }

  @Test
  void refusedCredentialsAreRejectedAndNameTheVariable() {
    start(Faults.builder().invalidCredentials(true).build());

    ApplicationFailure failure = failure(() -> client.trigger(WEEK));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data answered 401 to POST /datasets/v3/trigger: Invalid credentials;"
                + " check BRIGHTDATA_API_TOKEN");
  }

  @Test
  void invalidTimeRangeIsRejected() {
    start(Faults.none());
    TriggerInput invalid = new TriggerInput("Data Engineer", "Netherlands", "", "Past year");

    ApplicationFailure failure = failure(() -> client.trigger(invalid));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.getOriginalMessage()).contains("400").contains("validation_error");
  }

  @Test
  void ndjsonRecordsReachTheSinkByteForByte() throws Exception {
    start(Faults.none());
    String snapshotId =
        client.trigger(TriggerInput.of("Data Engineer", "Netherlands", DateRange.PAST_MONTH));
    SnapshotProgress ready = awaitReady(snapshotId);
    List<String> records = new ArrayList<>();

    DownloadOutcome outcome = client.download(snapshotId, records::add);

    String body = rawDownload(snapshotId, "ndjson");
    assertThat(records).containsExactlyElementsOf(Arrays.asList(body.split("\n")));
    assertThat(outcome).isEqualTo(new DownloadOutcome.Delivered(records.size(), body.length()));
    assertThat(records).hasSize(ready.records() + ready.errors());
  }

  @Test
  void jsonArrayBodyIsStreamedAsTheSameRawRecords() throws Exception {
    start(Faults.builder().ignoreFormat(true).build());
    String snapshotId = readySnapshot();
    List<String> records = new ArrayList<>();

    client.download(snapshotId, records::add);

    String body = rawDownload(snapshotId, "json");
    assertThat(body).startsWith("[");
    fake.faults(Faults.none());
    String lines = rawDownload(snapshotId, "ndjson");
    assertThat(records).containsExactlyElementsOf(Arrays.asList(lines.split("\n")));
  }

  @Test
  void slowBodyStillCompletes() {
    start(Faults.builder().slowBodyMillis(20).build());
    String snapshotId = readySnapshot();
    List<String> records = new ArrayList<>();

    DownloadOutcome outcome = client.download(snapshotId, records::add);

    assertThat(outcome.records()).isEqualTo(records.size()).isPositive();
  }

  @Test
  void providerThatNeverAnswersTimesOutAsUnavailable() {
    start(Faults.builder().latencyMillis(2_000).build());
    Duration short_ = Duration.ofMillis(300);
    BrightDataClient impatient =
        new BrightDataClient(
            BrightDataConfig.sandbox(fake.baseUrl()),
            new BrightDataClient.Timeouts(short_, short_, short_, Duration.ofSeconds(5), short_));

    ApplicationFailure failure = failure(() -> impatient.trigger(WEEK));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("POST /datasets/v3/trigger failed with");
  }

  @Test
  void unknownProgressStatusIsNotTerminal() {
    start(Faults.builder().unknownStatus("digesting").build());
    String snapshotId = client.trigger(WEEK);

    SnapshotProgress progress = client.progress(snapshotId);

    assertThat(progress.status()).isEqualTo("digesting");
    assertThat(progress.ready()).isFalse();
    assertThat(progress.failed()).isFalse();
  }

  @Test
  void readyProgressReportsRecordsAndErrors() {
    start(Faults.none());
    String snapshotId = client.trigger(WEEK);

    SnapshotProgress first = client.progress(snapshotId);
    SnapshotProgress second = client.progress(snapshotId);

    assertThat(first.status()).isEqualTo("running");
    assertThat(second.ready()).isTrue();
    assertThat(second.records()).isPositive();
  }

  @Test
  void failedProgressCarriesTheProvidersMessage() {
    start(Faults.builder().progressFailure("No data found in discovery").build());
    String snapshotId = client.trigger(WEEK);

    client.progress(snapshotId);
    SnapshotProgress failed = client.progress(snapshotId);

    assertThat(failed.failed()).isTrue();
    assertThat(failed.errorMessage()).isEqualTo("No data found in discovery");
  }

  @Test
  void cancelStopsARunningCollectionOnce() {
    start(Faults.none());
    String snapshotId = client.trigger(WEEK);

    assertThat(client.cancel(snapshotId)).isTrue();
    assertThat(client.cancel(snapshotId)).isFalse();
    assertThat(client.progress(snapshotId).failed()).isTrue();
  }

  @Test
  void tokenNeverAppearsInFailureMessages() {
    String token = "sk-live-SECRET-TOKEN-42";
    start(Faults.none());
    BrightDataClient real = new BrightDataClient(new BrightDataConfig(fake.baseUrl(), token, null));
    List<Faults> faults =
        List.of(
            Faults.builder().invalidCredentials(true).build(),
            Faults.builder().rateLimited(1, 3).build(),
            Faults.builder().serverErrors(1, 503).build(),
            Faults.builder().htmlPages(1).build());
    for (Faults fault : faults) {
      fake.faults(fault);
      ApplicationFailure failure = failure(() -> real.trigger(WEEK));
      assertThat(failure.getMessage()).doesNotContain(token);
      assertThat(failure.getOriginalMessage()).doesNotContain(token);
    }
    fake.faults(Faults.builder().expiredSnapshot(true).build());
    String snapshotId = real.trigger(WEEK);
    real.progress(snapshotId);
    real.progress(snapshotId);
    assertThat(failure(() -> real.download(snapshotId, r -> {})).getMessage())
        .doesNotContain(token);
    assertThat(real.config().toString()).doesNotContain(token);
    assertThat(real.isSandbox()).isFalse();
  }

  private String readySnapshot() {
    String snapshotId = client.trigger(WEEK);
    awaitReady(snapshotId);
    return snapshotId;
  }

  private SnapshotProgress awaitReady(String snapshotId) {
    for (int poll = 0; poll < 10; poll++) {
      SnapshotProgress progress = client.progress(snapshotId);
      if (progress.ready()) {
        return progress;
      }
    }
    throw new AssertionError("snapshot " + snapshotId + " never became ready");
  }

  /** The body as the fake serves it, fetched without the client under test. */
  private String rawDownload(String snapshotId, String format)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    fake.baseUrl() + "/datasets/v3/snapshot/" + snapshotId + "?format=" + format))
            .header("Authorization", "Bearer test")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static ApplicationFailure failure(ThrowingCallable call) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    assertThat(failure).as("expected an ApplicationFailure").isNotNull();
    return failure;
  }
}
