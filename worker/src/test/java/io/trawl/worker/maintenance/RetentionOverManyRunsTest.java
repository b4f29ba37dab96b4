package io.trawl.worker.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.JobsRegistration;
import io.trawl.worker.PharmacyRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.worker.config.RetentionConfig;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.maintenance.PruneResult;
import io.trawl.workflows.maintenance.RetentionRequest;
import io.trawl.workflows.maintenance.RetentionWorkflow;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduled deployment over months, compressed: 200 small runs in ten batches, each batch
 * followed by ten days passing (every timestamp moved back) and the retention workflow. Staging is
 * empty after every run, and the detail left is only the last 30 days' worth, however many runs
 * came before.
 */
class RetentionOverManyRunsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final int BATCHES = 10;
  private static final int JOBS_RUNS_PER_BATCH = 16;
  private static final int PHARMACY_RUNS_PER_BATCH = 4;
  private static final int MARKET_CALLS_PER_BATCH = 50;
  private static final List<String> SYMBOLS = List.of("AAPL:US", "MSFT:US", "GC1:COM");
  private static final List<List<String>> SEARCHES =
      List.of(
          List.of("Data Engineer", "Netherlands"),
          List.of("Data Scientist", "Belgium"),
          List.of("ML Engineer", "Germany"),
          List.of("Analytics Engineer", "France"));

  private final MapsUniverse universe = new MapsUniverse();
  private final FakeBrightData brightData = new FakeBrightData().start();
  private final FakeApify apify =
      new FakeApify(null, universe, ApifyFaults.builder().runSeconds(2).millisPerSecond(5).build())
          .start();
  private final FakePlaces places = new FakePlaces(null, universe, PlacesFaults.none()).start();
  private TestWorkflowEnvironment env;

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
    brightData.close();
    apify.close();
    places.close();
  }

  private void startWorkers(DataSource dataSource) {
    env = TestWorkflowEnvironment.newInstance();
    Worker jobs = env.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    JobsRegistration.register(
        jobs,
        dataSource,
        new BrightDataClient(BrightDataConfig.fromEnvironment(Map.of(), brightData.baseUrl())));
    PharmacyRegistration.register(
        env.getWorkerFactory(),
        dataSource,
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS,
            new ProviderLimits(ProviderLimits.DEFAULTS),
            new CallBudgets(CallBudgets.DEFAULTS, ZoneOffset.UTC)),
        SpendListener.NONE);
    MaintenanceRegistration.register(
        env.newWorker(RetentionWorkflow.TASK_QUEUE),
        dataSource,
        RetentionConfig.DEFAULTS,
        Clock.systemUTC());
    env.start();
  }

  @Test
  void twoHundredScheduledRunsLeaveNoStagingAndRetentionKeepsOnlyTheLastThirtyDaysOfDetail()
      throws Exception {
    startWorkers(db.getTestDatabase());
    List<Long> prunedPerBatch = new ArrayList<>();

    for (int batch = 0; batch < BATCHES; batch++) {
      for (int i = 0; i < JOBS_RUNS_PER_BATCH; i++) {
        List<String> search = SEARCHES.get(i % SEARCHES.size());
        ScrapeRunResult result =
            scrape(ScrapeRequest.forSchedule(search.get(0), search.get(1), null, 0));
        assertThat(result.status()).isEqualTo("completed");
        assertThat(count("SELECT count(*) FROM job_staging"))
            .as("staging after jobs run %d of batch %d", i, batch)
            .isZero();
      }
      for (int i = 0; i < PHARMACY_RUNS_PER_BATCH; i++) {
        PharmacyRunResult result =
            pharmacy(
                new PharmacyRunRequest(
                    List.of("pharmacy"),
                    List.of(i % 2 == 0 ? "San Francisco, CA" : "Oakland, CA"),
                    i == 0,
                    10,
                    true,
                    null,
                    null,
                    true));
        assertThat(result.status()).isIn("completed", "partial");
        assertThat(count("SELECT count(*) FROM pharmacy_staging")).isZero();
      }
      recordMarketCalls();
      tenDaysPass();

      PruneResult pruned = prune(false);
      prunedPerBatch.add(pruned.total());

      // Runs that ended 10 and 20 days ago keep their detail; 30 days is past the cutoff.
      int retainedBatches = Math.min(batch + 1, 2);
      assertThat(count("SELECT count(DISTINCT run_id) FROM pharmacy_stage"))
          .as("pharmacy runs with stage detail after batch %d", batch)
          .isEqualTo(retainedBatches * PHARMACY_RUNS_PER_BATCH);
      assertThat(count("SELECT count(DISTINCT run_id) FROM pharmacy_searches"))
          .isEqualTo(retainedBatches * PHARMACY_RUNS_PER_BATCH);
      assertThat(
              count(
                  """
                  SELECT count(*) FROM job_rejects j JOIN scrape_runs r ON r.id = j.run_id
                  WHERE r.finished_at < now() - interval '30 days'
                  """))
          .isZero();
      assertThat(count("SELECT count(*) FROM market_calls"))
          .isEqualTo(retainedBatches * MARKET_CALLS_PER_BATCH);
      assertThat(count("SELECT count(*) FROM quotes"))
          .as("the last two batches' quotes")
          .isEqualTo(retainedBatches * SYMBOLS.size());
    }

    assertThat(count("SELECT count(*) FROM scrape_runs"))
        .as("run rows stay")
        .isEqualTo(BATCHES * JOBS_RUNS_PER_BATCH);
    assertThat(count("SELECT count(*) FROM pharmacy_runs"))
        .isEqualTo(BATCHES * PHARMACY_RUNS_PER_BATCH);
    assertThat(count("SELECT count(*) FROM job_staging")).isZero();
    assertThat(count("SELECT count(*) FROM pharmacy_staging")).isZero();
    assertThat(prunedPerBatch.subList(2, BATCHES))
        .as("once batches age out, every prune removes one batch's detail")
        .allMatch(total -> total > 0);
    assertThat(prune(true).total()).as("nothing is left to prune").isZero();
  }

  private ScrapeRunResult scrape(ScrapeRequest request) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ScrapeRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
                .build())
        .run(request);
  }

  private PharmacyRunResult pharmacy(PharmacyRunRequest request) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            PharmacyRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(PharmacyRunWorkflow.TASK_QUEUE)
                .build())
        .run(request);
  }

  private PruneResult prune(boolean dryRun) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            RetentionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RetentionRequest.WORKFLOW_ID)
                .setTaskQueue(RetentionWorkflow.TASK_QUEUE)
                .build())
        .prune(new RetentionRequest("schedule", dryRun));
  }

  /** What a batch's market collections would have written: calls and one quote per symbol. */
  private void recordMarketCalls() throws SQLException {
    execute(
        "INSERT INTO market_calls (source, symbol, outcome) SELECT 'yahoo', 'AAPL:US', 'success'"
            + " FROM generate_series(1, "
            + MARKET_CALLS_PER_BATCH
            + ")");
    for (String symbol : SYMBOLS) {
      execute(
          "INSERT INTO quotes (symbol, name, price, as_of, source, fetched_at) VALUES ('"
              + symbol
              + "', 'x', 1, now(), 'yahoo', now())");
    }
  }

  /** Moves every run and call ten days into the past, as if the batch had run ten days ago. */
  private void tenDaysPass() throws SQLException {
    execute(
        """
        UPDATE scrape_runs SET started_at = started_at - interval '10 days',
          finished_at = finished_at - interval '10 days';
        UPDATE pharmacy_runs SET started_at = started_at - interval '10 days',
          finished_at = finished_at - interval '10 days';
        UPDATE market_calls SET at = at - interval '10 days';
        UPDATE quotes SET fetched_at = fetched_at - interval '10 days';
        """);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private int count(String sql) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
