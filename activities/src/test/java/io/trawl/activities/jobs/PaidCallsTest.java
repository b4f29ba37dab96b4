package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.RecordPricing;
import io.trawl.activities.spend.RunBudget;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.SnapshotRef;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The jobs pipeline's paid calls against the Bright Data sandbox: the trigger reserves budget or is
 * refused before any money goes, finishing a run settles it, and the breaker stops calls to a
 * failing provider.
 */
class PaidCallsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final DateRangeChoice MONTH =
      new DateRangeChoice(DateRange.PAST_MONTH, 30, "first run");

  /** $3 a day; a run holds back 1,000 records at $1.50 = $1.50, so two runs fit. */
  private static final RecordPricing PRICING =
      new RecordPricing(
          "brightdata", new BigDecimal("3"), new BigDecimal("1.50"), 1000, ZoneId.of("UTC"));

  private static final ProviderBreaker.Settings QUICK =
      new ProviderBreaker.Settings(50, 4, 4, Duration.ofMinutes(5));

  private final List<String> paidCalls = new CopyOnWriteArrayList<>();
  private FakeBrightData fake;
  private DataSource dataSource;
  private ScrapeRunRepository runs;
  private RunBudget budget;
  private ProviderBreaker breaker;
  private SnapshotActivitiesImpl snapshots;

  @BeforeEach
  void setUp() {
    fake = new FakeBrightData(Clock.systemUTC(), Faults.none()).start();
    dataSource = db.getTestDatabase();
    runs = new ScrapeRunRepository(dataSource);
    SpendListener listener =
        new SpendListener() {
          @Override
          public void paidCall(String provider, String mode) {
            paidCalls.add(provider + "/" + mode);
          }
        };
    budget = new RunBudget(new SpendLedger(dataSource), PRICING, true, Clock.systemUTC(), listener);
    breaker = new ProviderBreaker("brightdata", "Bright Data", QUICK);
    snapshots =
        new SnapshotActivitiesImpl(
            dataSource,
            new BrightDataClient(BrightDataConfig.sandbox(fake.baseUrl())),
            runs,
            new PaidCalls(breaker, budget, listener));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void aTriggerTheDayCannotCoverIsRefusedBeforeBrightDataIsCalled() {
    snapshots.trigger(openRun(), MONTH);
    snapshots.trigger(openRun(), MONTH);

    ApplicationFailure refused =
        catchThrowableOfType(ApplicationFailure.class, () -> snapshots.trigger(openRun(), MONTH));

    assertThat(refused.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
    assertThat(refused.getOriginalMessage()).contains("daily budget of brightdata-sandbox");
    assertThat(fake.triggersAccepted()).isEqualTo(2);
    assertThat(fake.requests("trigger")).isEqualTo(2);
    assertThat(paidCalls).containsExactly("brightdata/sandbox", "brightdata/sandbox");
  }

  @Test
  void aRetriedTriggerNeitherPaysNorReservesTwice() {
    RunRef run = openRun();
    SnapshotRef first = snapshots.trigger(run, MONTH);
    SnapshotRef again = snapshots.trigger(run, MONTH);

    assertThat(again.reused()).isTrue();
    assertThat(again.snapshotId()).isEqualTo(first.snapshotId());
    assertThat(today().reservedUsd()).isEqualByComparingTo("1.5");
    assertThat(paidCalls).hasSize(1);
  }

  @Test
  void theLedgerNotesWhenATriggerLeaves() throws Exception {
    RunRef run = openRun();

    snapshots.trigger(run, MONTH);

    assertThat(ledgerFlags(run)).isEqualTo("sent=true lost=false");
  }

  @Test
  void aRetryAfterATriggerLeftUnrecordedTriggersAgainAndTheLedgerMarksTheFirstLostInFlight()
      throws Exception {
    RunRef run = openRun();
    // An earlier attempt reserved, sent its trigger and died before it recorded the snapshot id.
    budget.reserve(PaidCalls.runKey(run.runId()));
    budget.markSent(PaidCalls.runKey(run.runId()));

    SnapshotRef snapshot = snapshots.trigger(run, MONTH);

    assertThat(snapshot.reused()).isFalse();
    assertThat(fake.triggersAccepted()).isEqualTo(1);
    assertThat(ledgerFlags(run)).isEqualTo("sent=true lost=true");
    assertThat(today().reservedUsd()).as("still one reservation").isEqualByComparingTo("1.5");
  }

  @Test
  void aRetryAfterATriggerBrightDataRefusedWithA429IsNotMarkedLost() throws Exception {
    fake.faults(Faults.builder().rateLimited(1, 1).build());
    RunRef run = openRun();

    ApplicationFailure limited =
        catchThrowableOfType(ApplicationFailure.class, () -> snapshots.trigger(run, MONTH));
    snapshots.trigger(run, MONTH);

    assertThat(limited.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(fake.triggersAccepted()).isEqualTo(1);
    assertThat(ledgerFlags(run)).isEqualTo("sent=true lost=false");
  }

  @Test
  void aRetryAfterAnAttemptThatDiedBeforeItsTriggerLeftIsNotMarkedLost() throws Exception {
    RunRef run = openRun();
    budget.reserve(PaidCalls.runKey(run.runId()));

    snapshots.trigger(run, MONTH);

    assertThat(ledgerFlags(run)).isEqualTo("sent=true lost=false");
  }

  private String ledgerFlags(RunRef run) throws Exception {
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT sent_at IS NOT NULL, lost_in_flight FROM cost_ledger WHERE run_key = ?")) {
      ps.setString(1, PaidCalls.runKey(run.runId()));
      try (var rs = ps.executeQuery()) {
        rs.next();
        return "sent=" + rs.getBoolean(1) + " lost=" + rs.getBoolean(2);
      }
    }
  }

  @Test
  void aTriggerBrightDataRejectsGivesItsReservationBack() {
    fake.faults(Faults.builder().invalidCredentials(true).build());

    ApplicationFailure rejected =
        catchThrowableOfType(ApplicationFailure.class, () -> snapshots.trigger(openRun(), MONTH));

    assertThat(rejected.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(today().committedUsd()).isEqualByComparingTo("0");
    assertThat(paidCalls).isEmpty();
  }

  @Test
  void finishingARunSettlesWhatItsDeliveredRecordsCost() {
    RunRef run = openRun();
    snapshots.trigger(run, MONTH);

    bookkeeping().finishRun(run, new IngestResult(146, 139, 0, 4, 3, 3));

    BudgetStatus status = today();
    assertThat(status.reservedUsd()).isEqualByComparingTo("0");
    assertThat(status.settledUsd()).isEqualByComparingTo("0.219"); // 146 x $1.50 / 1,000
  }

  @Test
  void aRunThatFailsBeforeItsDeliveryGivesItsReservationBack() {
    RunRef run = openRun();
    snapshots.trigger(run, MONTH);

    bookkeeping().markEnded(run, "failed", "Bright Data collection failed: Account is suspended");

    assertThat(today().committedUsd()).isEqualByComparingTo("0");
  }

  @Test
  void aRunThatFailsAfterItsDeliveryPaysForWhatWasStaged() {
    RunRef run = openRun();
    SnapshotRef snapshot = snapshots.trigger(run, MONTH);
    while (!snapshots.checkProgress(run, snapshot).ready()) {
      // the sandbox is ready on the second poll
    }
    int staged = snapshots.downloadToStaging(run, snapshot).recordsStaged();

    bookkeeping().markEnded(run, "failed", "ingest of run failed: disk full");
    bookkeeping().markEnded(run, "failed", "ingest of run failed: disk full"); // a retry

    BudgetStatus status = today();
    assertThat(staged).isPositive();
    assertThat(status.reservedUsd()).isEqualByComparingTo("0");
    assertThat(status.settledUsd()).isEqualByComparingTo(PRICING.costOf(staged));
  }

  @Test
  void theBreakerOpensAfterRepeatedServerErrorsAndThenSparesTheProvider() {
    RunRef run = openRun();
    SnapshotRef snapshot = snapshots.trigger(run, MONTH);
    fake.faults(Faults.builder().serverErrors(10, 503).burstEndpoint("progress").build());
    // The trigger succeeded; three 503s make 3 failures of the last 4 calls: 75 % >= 50 %.
    for (int i = 0; i < 3; i++) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class, () -> snapshots.checkProgress(run, snapshot));
      assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    }
    long pollsSeen = fake.requests("progress");
    assertThat(breaker.isOpen()).isTrue();

    ApplicationFailure refused =
        catchThrowableOfType(
            ApplicationFailure.class, () -> snapshots.checkProgress(run, snapshot));

    assertThat(refused.getType()).isEqualTo(Failures.BREAKER_OPEN);
    assertThat(refused.getNextRetryDelay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(fake.requests("progress")).isEqualTo(pollsSeen);
  }

  private ScrapeRunActivitiesImpl bookkeeping() {
    return new ScrapeRunActivitiesImpl(
        runs,
        new ProviderRef("brightdata", ProviderRef.SANDBOX),
        Clock.systemUTC(),
        budget,
        new JobStagingRepository(dataSource));
  }

  private BudgetStatus today() {
    return new SpendLedger(dataSource).since(LocalDate.now(Clock.systemUTC())).get(0);
  }

  private RunRef openRun() {
    String query = "Data Engineer " + UUID.randomUUID();
    String workflowId = "jobs-scrape/" + UUID.randomUUID();
    long runId =
        runs.openRun(
            workflowId, UUID.randomUUID().toString(), query, "Netherlands", MONTH, "sandbox");
    return new RunRef(runId, workflowId, query, "Netherlands");
  }
}
