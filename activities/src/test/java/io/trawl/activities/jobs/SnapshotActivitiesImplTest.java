package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.SnapshotActivities;
import io.trawl.workflows.jobs.SnapshotRef;
import io.trawl.workflows.jobs.StagedBatch;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class SnapshotActivitiesImplTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T08:00:00Z"), ZoneOffset.UTC);
  private static final DateRangeChoice MONTH =
      new DateRangeChoice(DateRange.PAST_MONTH, 30, "first run");

  private FakeBrightData fake;
  private DataSource dataSource;
  private ScrapeRunRepository runs;
  private JobStagingRepository staging;
  private SnapshotActivitiesImpl activities;
  private RunRef run;

  @BeforeEach
  void setUp() {
    fake = new FakeBrightData(CLOCK, Faults.none()).start();
    dataSource = db.getTestDatabase();
    runs = new ScrapeRunRepository(dataSource);
    staging = new JobStagingRepository(dataSource);
    activities = new SnapshotActivitiesImpl(dataSource, client(), runs);
    run = openRun();
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void triggerRecordsTheSnapshotOnTheRun() {
    SnapshotRef snapshot = activities.trigger(run, MONTH);

    assertThat(snapshot.reused()).isFalse();
    assertThat(runs.findSnapshotId(run.runId())).contains(snapshot.snapshotId());
  }

  @Test
  void secondTriggerReusesTheRecordedSnapshotAndPaysOnce() {
    SnapshotRef first = activities.trigger(run, MONTH);
    SnapshotRef retried = activities.trigger(run, MONTH);

    assertThat(retried).isEqualTo(new SnapshotRef(first.snapshotId(), true));
    assertThat(fake.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void rateLimitedTriggerRecordsNothing() {
    fake.faults(Faults.builder().rateLimited(1, 9).build());

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.trigger(run, MONTH));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(runs.findSnapshotId(run.runId())).isEmpty();
  }

  @Test
  void downloadStagesEveryDeliveredRecordByteExact() throws Exception {
    SnapshotRef snapshot = readySnapshot();

    StagedBatch batch = activities.downloadToStaging(run, snapshot);

    String body = rawNdjson(snapshot.snapshotId());
    List<String> delivered = Arrays.asList(body.split("\n"));
    assertThat(staging.rawRecords(run.runId())).containsExactlyElementsOf(delivered);
    assertThat(batch)
        .isEqualTo(
            new StagedBatch(
                run.runId(), delivered.size(), body.getBytes(StandardCharsets.UTF_8).length));
    assertThat(batch.recordsStaged()).isBetween(120, 180);
  }

  @Test
  void redownloadReplacesTheStagedRecordsInsteadOfDoublingThem() {
    SnapshotRef snapshot = readySnapshot();

    StagedBatch first = activities.downloadToStaging(run, snapshot);
    StagedBatch second = activities.downloadToStaging(run, snapshot);

    assertThat(second).isEqualTo(first);
    assertThat(staging.count(run.runId())).isEqualTo(first.recordsStaged());
    assertThat(fake.downloads()).isEqualTo(2);
  }

  @Test
  void emptySnapshotStagesNothing() {
    SnapshotRef snapshot = readySnapshot();
    activities.downloadToStaging(run, snapshot);
    fake.faults(Faults.builder().emptySnapshot(true).build());

    StagedBatch batch = activities.downloadToStaging(run, snapshot);

    assertThat(batch).isEqualTo(new StagedBatch(run.runId(), 0, 0));
    assertThat(staging.count(run.runId())).isZero();
  }

  @Test
  void buildingSnapshotThrowsSnapshotNotReadyWithTheProvidersDelay() {
    SnapshotRef snapshot = readySnapshot();
    fake.faults(Faults.builder().snapshotBuilding(1).build());

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.downloadToStaging(run, snapshot));

    assertThat(failure.getType()).isEqualTo(Failures.SNAPSHOT_NOT_READY);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "snapshot "
                + snapshot.snapshotId()
                + " of run "
                + run.runId()
                + " is not ready: Snapshot is building, try again in 30s");
  }

  @Test
  void truncatedDownloadKeepsTheEarlierCompleteBatch() {
    SnapshotRef snapshot = readySnapshot();
    StagedBatch complete = activities.downloadToStaging(run, snapshot);
    fake.faults(Faults.builder().truncateBody(true).build());

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.downloadToStaging(run, snapshot));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(staging.count(run.runId())).isEqualTo(complete.recordsStaged());
  }

  @Test
  void heartbeatsRecordsSoFarWhenRunAsAnActivity() {
    SnapshotRef snapshot = readySnapshot();
    SnapshotActivitiesImpl chatty =
        new SnapshotActivitiesImpl(dataSource, client(), runs, 50, PaidCalls.unaccounted());
    List<Integer> beats = new CopyOnWriteArrayList<>();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(chatty);
      env.setActivityHeartbeatListener(Integer.class, beats::add);
      SnapshotActivities stub =
          env.newActivityStub(
              SnapshotActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(1))
                  .setHeartbeatTimeout(Duration.ofSeconds(30))
                  .build());

      StagedBatch batch = stub.downloadToStaging(run, snapshot);

      assertThat(beats).isNotEmpty().allSatisfy(n -> assertThat(n % 50).isZero());
      assertThat(beats.get(beats.size() - 1)).isLessThanOrEqualTo(batch.recordsStaged());
    } finally {
      env.close();
    }
  }

  private BrightDataClient client() {
    return new BrightDataClient(BrightDataConfig.sandbox(fake.baseUrl()));
  }

  private RunRef openRun() {
    String query = "Data Engineer";
    String location = "Netherlands";
    long runId =
        runs.openRun(
            "jobs-scrape/data-engineer/netherlands",
            UUID.randomUUID().toString(),
            query,
            location,
            MONTH,
            "sandbox");
    return new RunRef(runId, "jobs-scrape/data-engineer/netherlands", query, location);
  }

  private SnapshotRef readySnapshot() {
    SnapshotRef snapshot = activities.trigger(run, MONTH);
    for (int poll = 0; poll < 10; poll++) {
      if (activities.checkProgress(run, snapshot).ready()) {
        return snapshot;
      }
    }
    throw new AssertionError("snapshot " + snapshot.snapshotId() + " never became ready");
  }

  /** The body as the fake serves it, fetched without the code under test. */
  private String rawNdjson(String snapshotId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    fake.baseUrl() + "/datasets/v3/snapshot/" + snapshotId + "?format=ndjson"))
            .header("Authorization", "Bearer test")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
