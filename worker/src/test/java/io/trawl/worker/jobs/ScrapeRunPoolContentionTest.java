package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.RecordPricing;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.config.SpendConfig;
import io.trawl.worker.runtime.DatabaseConfig;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.ConnectionInfo;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 50 scrape runs at once on one worker whose database pool is the production one, ten connections:
 * the runs' activities queue for connections and their upserts meet on the same companies,
 * locations and jobs, yet none deadlocks or times out and every run completes.
 */
class ScrapeRunPoolContentionTest {
  private static final int RUNS = 50;
  // Each run reserves $1.50 before its trigger; the default $50 a day would refuse the 34th.
  private static final SpendConfig AFFORDS_EVERY_RUN =
      new SpendConfig(
          new RecordPricing(
              "brightdata", new BigDecimal("500"), new BigDecimal("1.50"), 1000, ZoneId.of("UTC")),
          ProviderBreaker.Settings.DEFAULTS);
  private static final List<String> LOCATIONS =
      List.of("Netherlands", "Germany", "Belgium", "France", "Spain");

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void fiftyConcurrentRunsOnTenConnectionsAllComplete() throws Exception {
    ConnectionInfo info = db.getConnectionInfo();
    String url = "jdbc:postgresql://localhost:" + info.getPort() + "/" + info.getDbName();
    try (HikariDataSource pool =
            DatabaseConfig.parse(Map.of("DATABASE_URL", url, "DATABASE_USER", info.getUser()))
                .newDataSource();
        JobsTestStack stack = new JobsTestStack(pool, FakeBrightData.Faults.none())) {
      assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
      WorkerFactory worker = stack.startWorker(AFFORDS_EVERY_RUN);
      List<ScrapeRunWorkflow> runs = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        // Ten searches per location: their snapshots share postings and companies.
        ScrapeRequest search =
            ScrapeRequest.of("Data Engineer " + i, LOCATIONS.get(i % LOCATIONS.size()));
        ScrapeRunWorkflow run = stack.newRun(search);
        WorkflowClient.start(run::run, search);
        runs.add(run);
      }

      List<ScrapeRunResult> results = new ArrayList<>();
      for (ScrapeRunWorkflow run : runs) {
        results.add(
            WorkflowStub.fromTyped(run).getResult(120, TimeUnit.SECONDS, ScrapeRunResult.class));
      }
      worker.shutdownNow();

      assertThat(results)
          .allSatisfy(result -> assertThat(result.completed()).as(result.error()).isTrue());
      assertThat(stack.sandbox.triggersAccepted()).isEqualTo(RUNS);
      int inserted = results.stream().mapToInt(ScrapeRunResult::jobsNew).sum();
      try (Connection connection = pool.getConnection();
          Statement sql = connection.createStatement();
          ResultSet rows =
              sql.executeQuery(
                  "SELECT (SELECT count(*) FROM jobs),"
                      + " (SELECT count(*) FROM scrape_runs WHERE status = 'completed')")) {
        rows.next();
        assertThat(rows.getLong(1)).as("each job inserted by exactly one run").isEqualTo(inserted);
        assertThat(rows.getLong(2)).isEqualTo(RUNS);
      }
    }
  }
}
