package io.trawl.worker.jobs;

import static io.trawl.worker.faults.FaultOutcome.COMPLETES;
import static io.trawl.worker.faults.FaultOutcome.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import io.trawl.worker.config.SpendConfig;
import io.trawl.worker.faults.ActivityRetries;
import io.trawl.worker.faults.ActivityRetries.Retried;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jobs pipeline under every Bright Data fault the sandbox can inject, one row per knob: the run
 * completes or fails with a typed, readable error; the retried step made a bounded number of calls
 * and waited at least the backoff (or the Retry-After) between them; Bright Data billed the
 * triggers it accepted and nothing more; and a failed run leaves no staged or ingested rows and no
 * money held.
 */
class JobsProviderFaultTest {
  private static final ScrapeRequest SEARCH = ScrapeRequest.of("Data Engineer", "Netherlands");

  /** A read timeout far under the sandbox's stall, so a stalled body times out in real time. */
  private static final BrightDataClient.Timeouts SHORT =
      new BrightDataClient.Timeouts(
          Duration.ofSeconds(2),
          Duration.ofMillis(300),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(5));

  /**
   * The breaker's open period runs on the wall clock while the test server skips time, so a tripped
   * breaker would refuse every retry of a run; here it never trips within one run, and the rows
   * show the retry policy alone (ScrapeRunFailureTest covers the breaker opening).
   */
  private static final SpendConfig NO_TRIP =
      new SpendConfig(
          SpendConfig.DEFAULTS.brightData(),
          new ProviderBreaker.Settings(100, 100, 100, Duration.ofSeconds(60)));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobsTestStack stack;

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * One knob and what it must lead to.
   *
   * @param knob the fault, as a reader of the table says it
   * @param faults the sandbox's setting for it
   * @param expected completes, or fails with a type and a message part
   * @param paidCalls triggers the sandbox accepted (what Bright Data bills)
   * @param retried the activity the fault hits; null when none is retried
   * @param attempts that activity's calls, the last one included
   * @param waitedAtLeast the backoff or Retry-After the retries must have waited in total
   * @param check more about a completed run's counts; null for none
   * @param timeouts the client's; shortened only where the row provokes a timeout, so a slow
   *     machine cannot add a retry to the other rows
   */
  record Row(
      String knob,
      Faults faults,
      FaultOutcome expected,
      long paidCalls,
      String retried,
      int attempts,
      Duration waitedAtLeast,
      Consumer<ScrapeRunResult> check,
      BrightDataClient.Timeouts timeouts) {
    Row(
        String knob,
        Faults faults,
        FaultOutcome expected,
        long paidCalls,
        String retried,
        int attempts,
        Duration waitedAtLeast,
        Consumer<ScrapeRunResult> check) {
      this(
          knob,
          faults,
          expected,
          paidCalls,
          retried,
          attempts,
          waitedAtLeast,
          check,
          BrightDataClient.Timeouts.DEFAULT);
    }

    @Override
    public String toString() {
      return knob + " → " + expected + ", paid calls " + paidCalls;
    }
  }

  static List<Row> faults() {
    return List.of(
        new Row(
            "trigger 503 burst ×3",
            Faults.builder().serverErrors(3, 503).burstEndpoint("trigger").build(),
            COMPLETES,
            1,
            "Trigger",
            4,
            Duration.ofSeconds(2 + 4 + 8),
            null),
        new Row(
            "trigger 500 on every call",
            Faults.builder().serverErrors(1_000, 500).burstEndpoint("trigger").build(),
            fails(Failures.PROVIDER_UNAVAILABLE, "Bright Data answered 500"),
            0,
            "Trigger",
            12,
            Duration.ofSeconds(2 + 4 + 8 + 16),
            null),
        new Row(
            "trigger 429 with Retry-After 90 s",
            Faults.builder().rateLimited(1, 90).build(),
            COMPLETES,
            1,
            "Trigger",
            2,
            Duration.ofSeconds(90),
            null),
        new Row(
            "trigger 429 without Retry-After ×3",
            Faults.builder().rateLimitedNoRetryAfter(3).build(),
            COMPLETES,
            1,
            "Trigger",
            4,
            Duration.ofSeconds(2 + 4 + 8),
            null),
        new Row(
            "trigger HTML error page with 200 ×2",
            Faults.builder().htmlPages(2).burstEndpoint("trigger").build(),
            COMPLETES,
            1,
            "Trigger",
            3,
            Duration.ofSeconds(2 + 4),
            null),
        new Row(
            "progress 502 gateway page ×2",
            Faults.builder().serverErrors(2, 502).burstEndpoint("progress").build(),
            COMPLETES,
            1,
            "CheckProgress",
            3,
            Duration.ofSeconds(2 + 4),
            null),
        new Row(
            "download HTML error page with 200 ×1",
            Faults.builder().htmlPages(1).burstEndpoint("snapshot").build(),
            COMPLETES,
            1,
            "DownloadToStaging",
            2,
            Duration.ofSeconds(2),
            result -> assertThat(result.jobsNew()).isPositive()),
        new Row(
            "download 202 still building ×2, try again in 30 s",
            Faults.builder().snapshotBuilding(2, 30).build(),
            COMPLETES,
            1,
            "DownloadToStaging",
            3,
            Duration.ofSeconds(60),
            null),
        new Row(
            "download reset mid-body on every try",
            Faults.builder().truncateBody(true).build(),
            fails(Failures.PROVIDER_UNAVAILABLE, "unexpected end of stream"),
            1,
            "DownloadToStaging",
            30,
            Duration.ofMinutes(2),
            null),
        new Row(
            "download body stalls past the read timeout",
            Faults.builder().slowBodyMillis(1_000).build(),
            fails(Failures.PROVIDER_UNAVAILABLE, "SocketTimeoutException"),
            1,
            "DownloadToStaging",
            30,
            Duration.ofMinutes(2),
            null,
            SHORT),
        new Row(
            "malformed records (3 % of every snapshot)",
            Faults.none(),
            COMPLETES,
            1,
            null,
            0,
            null,
            result -> {
              assertThat(result.jobsInvalid()).isPositive();
              assertThat(result.jobsNew()).isPositive();
            }),
        new Row(
            "empty snapshot",
            Faults.builder().emptySnapshot(true).build(),
            COMPLETES,
            1,
            null,
            0,
            null,
            result -> assertThat(result.jobsFound()).isZero()),
        new Row(
            "expired snapshot",
            Faults.builder().expiredSnapshot(true).build(),
            fails(Failures.COLLECTION_FAILED, "expired"),
            1,
            "DownloadToStaging",
            1,
            Duration.ZERO,
            null),
        new Row(
            "collection failed at the provider",
            Faults.builder().progressFailure("Account is suspended").build(),
            fails(Failures.COLLECTION_FAILED, "Account is suspended"),
            1,
            null,
            0,
            null,
            null),
        new Row(
            "401 invalid credentials",
            Faults.builder().invalidCredentials(true).build(),
            fails(Failures.PROVIDER_REJECTED, "BRIGHTDATA_API_TOKEN"),
            0,
            "Trigger",
            1,
            Duration.ZERO,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void endsAsTheTableSaysAndPaysOnlyForAcceptedTriggers(Row row) {
    stack = new JobsTestStack(db.getTestDatabase(), row.faults(), row.timeouts());
    stack.startWorker(NO_TRIP);

    WorkflowFailedException failed =
        catchThrowableOfType(
            WorkflowFailedException.class,
            () -> {
              ScrapeRunResult result = stack.newRun(SEARCH).run(SEARCH);
              assertThat(result.completed()).isTrue();
              if (row.check() != null) {
                row.check().accept(result);
              }
            });

    ScrapeRunRow run = new ScrapeRunRepository(db.getTestDatabase()).recent(1).get(0);
    if (row.expected().completes()) {
      assertThat(failed).as("the run fails with %s", FaultOutcome.describe(failed)).isNull();
      assertThat(run.status()).isEqualTo("completed");
    } else {
      assertThat(failed).as("the run fails").isNotNull();
      ApplicationFailure failure = FaultOutcome.applicationFailure(failed);
      assertThat(failure.getType()).isEqualTo(row.expected().failureType());
      assertThat(failure.getOriginalMessage()).contains(row.expected().says());
      assertThat(run.status()).isEqualTo("failed");
      assertThat(run.error()).contains(row.expected().says());
      assertThat(count("SELECT count(*) FROM jobs")).as("jobs ingested").isZero();
      assertThat(count("SELECT count(*) FROM job_staging")).as("staged rows").isZero();
    }
    assertThat(stack.sandbox.triggersAccepted()).as("paid triggers").isEqualTo(row.paidCalls());
    if (row.paidCalls() == 0) {
      assertThat(count(HELD)).as("money settled or held").isZero();
    }
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'"))
        .as("reservations still held after the run ended")
        .isZero();
    if (row.retried() != null) {
      Retried retried = ActivityRetries.first(stack.client(), SEARCH.workflowId(), row.retried());
      assertThat(retried.attempts()).as("calls of " + row.retried()).isEqualTo(row.attempts());
      assertThat(retried.waited())
          .as("waits of " + row.retried())
          .isGreaterThanOrEqualTo(row.waitedAtLeast());
    }
  }

  private static final String HELD =
      "SELECT count(*) FROM cost_ledger WHERE state = 'settled' AND cost_usd > 0"
          + " OR state = 'reserved'";

  private long count(String sql) {
    return FaultOutcome.count(db.getTestDatabase(), sql);
  }
}
