package io.trawl.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.JobsRegistration;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * trawl's schedules on the real Temporal dev server (the CLI binary the harness starts): they fire,
 * can be triggered, paused and applied, and read their cron in their time zone.
 */
class TrawlSchedulesDevServerTest {
  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final ScheduledWorkflowKinds KINDS =
      ScheduledWorkflowKinds.standard().with(new NapKind());
  private static final TrawlConfig CONFIG = TrawlConfigLoader.loadBuiltIn();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static WorkerFactory workers;
  private static FakeBrightData sandbox;
  private static TrawlSchedules schedules;

  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void startWorkers() {
    sandbox = new FakeBrightData(Clock.systemUTC(), FakeBrightData.Faults.none()).start();
    workers = WorkerFactory.newInstance(temporal.workflowClient());
    JobsRegistration.register(
        workers.newWorker(ScrapeRunWorkflow.TASK_QUEUE),
        db.getTestDatabase(),
        new BrightDataClient(BrightDataConfig.fromEnvironment(Map.of(), sandbox.baseUrl())));
    workers
        .newWorker(NapWorkflow.TASK_QUEUE)
        .registerWorkflowImplementationTypes(NapWorkflowImpl.class);
    workers.start();
    schedules = new TrawlSchedules(temporal.workflowClient());
  }

  @AfterAll
  static void stopWorkers() {
    workers.shutdownNow();
    sandbox.close();
  }

  @AfterEach
  void deleteTheSchedulesThisTestMade() {
    for (String name : created) {
      if (schedules.find(name).isPresent()) {
        // The plain client: the test's own foreign schedule must go too.
        rawClient().getHandle(name).delete();
      }
    }
  }

  @Test
  void aScheduleEveryTwoSecondsFiresAndTheRunsItStartedCanBeCounted() {
    create(definition("tick", "test-nap", "2s", null, null, Map.of()));

    await()
        .atMost(WAIT)
        .until(() -> client().listExecutions("TemporalScheduledById = 'tick'").count() >= 3);

    assertThat(schedules.describe("tick").actions()).isGreaterThanOrEqualTo(3);
    ScheduleRow row =
        schedules.list().stream().filter(r -> r.name().equals("tick")).findFirst().orElseThrow();
    assertThat(row.spec()).isEqualTo("every 2s");
    assertThat(row.nextRun()).isAfter(Instant.now().minusSeconds(1));
    assertThat(row.lastRun().workflowId()).startsWith("test-nap/0-");
    assertThat(row.paused()).isFalse();
  }

  @Test
  void triggerRunsTheLifecycleAtOnceThroughItsSchedule() throws Exception {
    seedStaleJobOfALiveSearch();
    create(
        definition(
            "lifecycle-now", "jobs-lifecycle", null, "0 2 * * *", "Europe/Amsterdam", Map.of()));

    TriggerOutcome outcome = schedules.trigger("lifecycle-now", WAIT);

    assertThat(outcome.started()).as(outcome.message()).isTrue();
    assertThat(outcome.workflowId()).startsWith("jobs-lifecycle-");
    JobLifecycleResult result =
        client().newUntypedWorkflowStub(outcome.workflowId()).getResult(JobLifecycleResult.class);
    assertThat(result.markedNow()).isEqualTo(1);
    assertThat(result.thresholdDays()).isEqualTo(14);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        client()
                            .listExecutions(
                                "WorkflowId = '"
                                    + outcome.workflowId()
                                    + "' AND TrawlPipeline = 'jobs' AND TrawlSource = 'lifecycle'"
                                    + " AND TrawlStatus = 'completed'")
                            .count())
                    .isEqualTo(1));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(schedules.describe("lifecycle-now").recentActions())
                    .extracting(RecentAction::result)
                    .containsExactly("completed"));
  }

  @Test
  void aScheduledScrapeRunsFromItsArgsAndTheNextOneInsideTheIntervalIsSkipped() {
    create(
        definition(
            "scrape-de-nl",
            "jobs-scrape",
            "1h",
            null,
            null,
            Map.of("query", "Schedule Engineer", "location", "Netherlands")));

    ScrapeRunResult first = triggerAndWait("scrape-de-nl");
    ScrapeRunResult second = triggerAndWait("scrape-de-nl");

    assertThat(first.status()).isEqualTo("completed");
    assertThat(second.status()).isEqualTo("skipped");
    assertThat(second.notice()).contains("younger than the 6 h minimum interval");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(schedules.describe("scrape-de-nl").recentActions())
                    .extracting(RecentAction::result)
                    .containsExactly("completed", "completed: skipped"));
    // Scheduled runs carry the attributes a manual start sets, so the Web UI filter finds them.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        client()
                            .listExecutions(
                                "TemporalScheduledById = 'scrape-de-nl'"
                                    + " AND TrawlPipeline = 'jobs'"
                                    + " AND TrawlQuery = 'Schedule Engineer'"
                                    + " AND TrawlLocation = 'Netherlands'"
                                    + " AND TrawlStatus IN ('completed', 'skipped')")
                            .count())
                    .isEqualTo(2));
  }

  @Test
  void pauseStopsFiringAndUnpauseResumes() {
    create(definition("pausable", "test-nap", "2s", null, null, Map.of()));
    await().atMost(WAIT).until(() -> schedules.describe("pausable").actions() >= 1);

    schedules.pause("pausable", "maintenance window");
    await().atMost(WAIT).until(() -> schedules.describe("pausable").paused());
    long whilePaused = schedules.describe("pausable").actions();

    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(8))
        .until(() -> schedules.describe("pausable").actions() == whilePaused);
    assertThat(schedules.describe("pausable").note()).isEqualTo("maintenance window");

    schedules.unpause("pausable", null);
    await().atMost(WAIT).until(() -> schedules.describe("pausable").actions() > whilePaused);
  }

  @Test
  void overlapSkipHoldsWhileARunIsStillGoing() {
    create(definition("sleepy", "test-nap", "2s", null, null, Map.of("seconds", "120")));
    await().atMost(WAIT).until(() -> schedules.describe("sleepy").skippedOverlap() >= 2);

    ScheduleDetails details = schedules.describe("sleepy");
    TriggerOutcome trigger = schedules.trigger("sleepy", WAIT);

    assertThat(details.actions()).isEqualTo(1);
    assertThat(details.running()).hasSize(1);
    assertThat(details.overlap()).isEqualTo("SKIP");
    assertThat(trigger.started()).isFalse();
    assertThat(trigger.workflowId()).isEqualTo(details.running().get(0));
    assertThat(schedules.describe("sleepy").actions()).isEqualTo(1);
    client().newUntypedWorkflowStub(details.running().get(0)).terminate("test over");
  }

  @Test
  void applyTwiceChangesNothingTheSecondTimeAndNeverTouchesOthersSchedules() {
    String foreign = foreignSchedule();
    ScheduleApplier applier = new ScheduleApplier(schedules);
    ScheduleDefinition hourly = definition("apply-a", "test-nap", "1h", null, null, Map.of());
    ScheduleDefinition daily =
        definition("apply-b", "test-nap", null, "0 2 * * *", "Europe/Amsterdam", Map.of());
    created.addAll(List.of("apply-a", "apply-b"));

    ScheduleApplier.Plan first = applier.apply(List.of(hourly, daily), false, "test");
    ScheduleApplier.Plan second = applier.apply(List.of(hourly, daily), false, "test");
    ScheduleDefinition everyTwoHours =
        definition("apply-a", "test-nap", "2h", null, null, Map.of());
    ScheduleApplier.Plan changed = applier.apply(List.of(everyTwoHours, daily), false, "test");

    assertThat(first.count(ScheduleApplier.Change.CREATE)).isEqualTo(2);
    assertThat(second.unchanged()).as(second.toString()).isTrue();
    assertThat(changed.steps())
        .extracting(ScheduleApplier.Step::change)
        .containsExactly(ScheduleApplier.Change.UPDATE, ScheduleApplier.Change.UNCHANGED);
    assertThat(schedules.describe("apply-a").spec()).isEqualTo("every 2h");

    // Visibility lists a new schedule a moment after it exists; deletions are found through it.
    await()
        .atMost(WAIT)
        .until(
            () -> applier.plan(List.of(everyTwoHours)).count(ScheduleApplier.Change.DELETE) == 1);
    ScheduleApplier.Plan shrunk = applier.apply(List.of(everyTwoHours), false, "test");
    assertThat(shrunk.steps())
        .contains(
            new ScheduleApplier.Step(
                ScheduleApplier.Change.DELETE, "apply-b", "cron \"0 2 * * *\" Europe/Amsterdam"));
    assertThat(schedules.find("apply-b")).isEmpty();
    assertThat(schedules.find(foreign)).as("a schedule trawl did not create").isPresent();
    assertThat(applier.apply(List.of(everyTwoHours), false, "test").unchanged()).isTrue();
  }

  @Test
  void describeReadsADailyTwoOClockCronInItsZoneOnBothSidesOfADaylightSavingChange() {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    create(definition("dst", "jobs-lifecycle", null, "0 2 * * *", "Europe/Amsterdam", Map.of()));
    Instant change = amsterdam.getRules().nextTransition(Instant.now()).getInstant();
    startScheduleAt("dst", change.minus(Duration.ofDays(3)));

    List<Instant> next = schedules.describe("dst").nextRuns();

    List<ZonedDateTime> local = next.stream().map(time -> time.atZone(amsterdam)).toList();
    var changeDay = change.atZone(amsterdam).toLocalDate();
    assertThat(local).as("next runs %s", local).hasSizeGreaterThanOrEqualTo(5);
    assertThat(local)
        .filteredOn(time -> !time.toLocalDate().equals(changeDay))
        .allSatisfy(
            time -> {
              assertThat(time.getHour()).isEqualTo(2);
              assertThat(time.getMinute()).isZero();
            });
    assertThat(local)
        .extracting(ZonedDateTime::getOffset)
        .as("runs before and after the change")
        .containsAll(
            List.of(
                amsterdam.getRules().getOffset(change.minusSeconds(1)),
                amsterdam.getRules().getOffset(change.plusSeconds(1))));
  }

  private ScheduleDefinition definition(
      String name, String kind, String every, String cron, String tz, Map<String, String> args) {
    return ScheduleDefinitions.define(
        "test",
        new ScheduleEntry("", name, kind, every, cron, tz, null, null, args),
        KINDS,
        CONFIG);
  }

  private void create(ScheduleDefinition definition) {
    created.add(definition.name());
    schedules.create(definition, "created by " + getClass().getSimpleName());
  }

  private ScrapeRunResult triggerAndWait(String name) {
    TriggerOutcome outcome = schedules.trigger(name, WAIT);
    assertThat(outcome.started()).as(outcome.message()).isTrue();
    WorkflowStub run = client().newUntypedWorkflowStub(outcome.workflowId());
    return run.getResult(ScrapeRunResult.class);
  }

  /** A schedule made with the plain Temporal client: no trawl memo. */
  private String foreignSchedule() {
    ScheduleDefinition plain = definition("foreign-nap", "test-nap", "1h", null, null, Map.of());
    rawClient()
        .createSchedule(
            plain.name(),
            ScheduleBuilder.schedule(plain, ScheduleBuilder.initialState("not trawl's")),
            io.temporal.client.schedules.ScheduleOptions.newBuilder().build());
    created.add(plain.name());
    return plain.name();
  }

  /** Moves the schedule's start, so its next runs straddle a date the test picks. */
  private void startScheduleAt(String name, Instant start) {
    rawClient()
        .getHandle(name)
        .update(
            input -> {
              var schedule = input.getDescription().getSchedule();
              ScheduleSpec spec =
                  ScheduleSpec.newBuilder(schedule.getSpec()).setStartAt(start).build();
              return new ScheduleUpdate(
                  io.temporal.client.schedules.Schedule.newBuilder(schedule).setSpec(spec).build());
            });
  }

  private static void seedStaleJobOfALiveSearch() throws Exception {
    try (Connection connection = db.getTestDatabase().getConnection();
        PreparedStatement run =
            connection.prepareStatement(
                "INSERT INTO scrape_runs (workflow_id, temporal_run_id, query, location, status,"
                    + " started_at) VALUES ('seed', 'seed-run', 'Lifecycle', 'Nowhere',"
                    + " 'completed', ?)");
        PreparedStatement job =
            connection.prepareStatement(
                "INSERT INTO jobs (job_posting_id, title, content_hash, last_query, last_location,"
                    + " last_seen_at) VALUES ('stale-1', 'Old', 'h', 'Lifecycle', 'Nowhere', ?)")) {
      run.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
      run.executeUpdate();
      job.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
      job.executeUpdate();
    }
  }

  private static WorkflowClient client() {
    return temporal.workflowClient();
  }

  private static ScheduleClient rawClient() {
    return ScheduleClient.newInstance(
        client().getWorkflowServiceStubs(),
        ScheduleClientOptions.newBuilder().setNamespace(temporal.namespace()).build());
  }
}
