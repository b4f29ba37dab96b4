package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.jobs.JobIngestActivitiesImpl;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The interval guard ({@code should_trigger_scrape}) on the real activities, sandbox and database,
 * with a clock the test moves forward as the activities' clock: six hours pass in an instant.
 */
class ScrapeIntervalGuardTest {
  private static final Duration DEADLINE = Duration.ofHours(2);
  private static final ScrapeRequest SCHEDULED =
      ScrapeRequest.forSchedule("Data Engineer", "Netherlands", DEADLINE, 6);
  private static final ScrapeRequest MANUAL = ScrapeRequest.of("Data Engineer", "Netherlands");

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobsTestStack stack;
  private final AdvancingClock clock = new AdvancingClock();

  @BeforeEach
  void setUp() {
    stack = new JobsTestStack(db.getTestDatabase(), FakeBrightData.Faults.none());
    WorkerFactory factory = WorkerFactory.newInstance(stack.client());
    Worker worker = factory.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    ScrapeRunRepository runs = new ScrapeRunRepository(stack.dataSource);
    worker.registerWorkflowImplementationTypes(ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ScrapeRunActivitiesImpl(
            runs, new ProviderRef("brightdata", ProviderRef.SANDBOX), clock),
        new SnapshotActivitiesImpl(stack.dataSource, stack.brightData, runs),
        new JobIngestActivitiesImpl(new JobRepository(stack.dataSource), runs));
    factory.start();
  }

  @AfterEach
  void tearDown() {
    stack.close();
  }

  @Test
  void aScheduledScrapeInsideTheIntervalEndsSkippedAndIsRecordedWithTheReason() {
    ScrapeRunResult first = run(SCHEDULED);
    clock.advance(Duration.ofHours(2));

    ScrapeRunResult second = run(SCHEDULED);

    assertThat(first.status()).isEqualTo("completed");
    assertThat(second.status()).isEqualTo("skipped");
    assertThat(second.runId()).isNotEqualTo(first.runId());
    assertThat(second.notice())
        .startsWith("last completed run 2h ")
        .endsWith("ago is younger than the 6 h minimum interval");
    assertThat(second.summary()).startsWith("Scrape skipped: Data Engineer in Netherlands");
    assertThat(stack.sandbox.triggersAccepted()).as("a skipped run pays for nothing").isEqualTo(1);
    ScrapeRunRow row = history().get(0);
    assertThat(row.id()).isEqualTo(second.runId());
    assertThat(row.status()).isEqualTo("skipped");
    assertThat(row.metadata()).contains("\"skip_reason\": \"" + second.notice() + "\"");
  }

  @Test
  void aScheduledScrapeRunsAgainOnceTheIntervalHasPassed() {
    run(SCHEDULED);
    clock.advance(Duration.ofHours(6));

    ScrapeRunResult later = run(SCHEDULED);

    assertThat(later.status()).isEqualTo("completed");
    assertThat(later.notice()).isNull();
    assertThat(later.dateRange()).isEqualTo("Past 24 hours");
    assertThat(stack.sandbox.triggersAccepted()).isEqualTo(2);
  }

  @Test
  void aManualScrapeInsideTheIntervalRunsAndSaysSo() {
    run(SCHEDULED);
    clock.advance(Duration.ofMinutes(30));

    ScrapeRunResult manual = run(MANUAL);

    assertThat(manual.status()).isEqualTo("completed");
    // 30m plus the seconds the first run's polling skipped ahead.
    assertThat(manual.notice())
        .matches(
            "ran inside the interval: last completed run 3\\dm ago is younger than the 6 h minimum"
                + " interval; a scheduled run would have been skipped");
    assertThat(manual.summary()).contains("  Note: ran inside the interval");
    assertThat(stack.sandbox.triggersAccepted()).isEqualTo(2);
  }

  @Test
  void aSkippedRunDoesNotCountAsTheLastCompletedOne() {
    run(SCHEDULED);
    clock.advance(Duration.ofHours(3));
    run(SCHEDULED);
    clock.advance(Duration.ofHours(3));

    ScrapeRunResult third = run(SCHEDULED);

    assertThat(third.status()).as("six hours after the last completed run").isEqualTo("completed");
    assertThat(history())
        .extracting(ScrapeRunRow::status)
        .containsExactly("completed", "skipped", "completed");
  }

  private ScrapeRunResult run(ScrapeRequest request) {
    return stack.newRun(request).run(request);
  }

  private List<ScrapeRunRow> history() {
    return new ScrapeRunRepository(db.getTestDatabase()).recent(10);
  }

  /**
   * Wall time plus an offset the test moves forward: "six hours later" for the activities that read
   * the clock (interval guard, date strategy), while run rows keep PostgreSQL's wall-clock start
   * times. The test server's skipped time is not used: it once jumped ten years ahead.
   */
  private static final class AdvancingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration step) {
      offset = offset.plus(step);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
