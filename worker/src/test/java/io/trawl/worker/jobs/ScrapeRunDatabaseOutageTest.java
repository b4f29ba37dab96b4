package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.store.Migrations;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.runtime.DatabaseConfig;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops for 30 s while a scrape run's ingest transaction is open, then starts again on
 * the same data directory and port: the ingest activity fails, retries through the outage, and the
 * run completes with every staged record accounted for and no job twice. The worker's pool is the
 * production one ({@link DatabaseConfig#newDataSource()}), so its reconnect is what is tested.
 */
class ScrapeRunDatabaseOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path dataDirectory;

  private int port;
  private EmbeddedPostgres postgres;
  private HikariDataSource pool;

  @BeforeEach
  void startPostgres() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = startOnSameDirectory();
    pool =
        DatabaseConfig.parse(Map.of("DATABASE_URL", jdbcUrl(), "DATABASE_USER", "postgres"))
            .newDataSource();
    Migrations.migrate(pool);
  }

  @AfterEach
  void stopPostgres() throws IOException {
    pool.close();
    postgres.close();
  }

  @Test
  void ingestRetriesThroughA30SecondOutageAndTheRunCompletesWithoutDuplicatesOrLosses()
      throws Exception {
    ScrapeRequest search = ScrapeRequest.of("Data Engineer", "Netherlands");
    try (JobsTestStack stack = new JobsTestStack(pool, FakeBrightData.Faults.none(), false)) {
      WorkerFactory worker = stack.startWorker();
      ScrapeRunWorkflow run = stack.newRun(search);
      long staged;
      long errorRecords;
      try (Connection blocker = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
        // Holding SHARE on jobs lets ingest lock its run row, read staging and normalize, then
        // stops it at its first write to jobs: the outage hits an open ingest transaction.
        blocker.setAutoCommit(false);
        try (Statement sql = blocker.createStatement()) {
          sql.execute("LOCK TABLE jobs IN SHARE MODE");
        }
        WorkflowClient.start(run::run, search);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    count(
                            blocker,
                            "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
                        > 0);
        staged = count(blocker, "SELECT count(*) FROM job_staging");
        // The sandbox's error records carry error_code and no content; ingest does not count them.
        errorRecords =
            count(blocker, "SELECT count(*) FROM job_staging WHERE raw LIKE '%\"error_code\"%'");
        long outageStarted = System.nanoTime();
        postgres.close();

        await().atMost(OUTAGE).until(() -> ingestAttempt(stack.client(), search.workflowId()) >= 2);
        long left = OUTAGE.toNanos() - (System.nanoTime() - outageStarted);
        // The outage itself: PostgreSQL stays down for the whole 30 s, whatever the retries do.
        TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
      }
      postgres = startOnSameDirectory();

      ScrapeRunResult result =
          WorkflowStub.fromTyped(run).getResult(120, TimeUnit.SECONDS, ScrapeRunResult.class);
      worker.shutdownNow();

      assertThat(result.completed()).as(result.error()).isTrue();
      assertThat(stack.sandbox.triggersAccepted()).isEqualTo(1);
      assertThat(result.jobsFound() + errorRecords)
          .as("every staged record was ingested")
          .isEqualTo(staged);
      assertThat(result.jobsNew() + result.duplicates() + result.jobsInvalid())
          .isEqualTo(result.jobsFound());
      try (Connection db = pool.getConnection()) {
        assertThat(count(db, "SELECT count(*) FROM jobs")).isEqualTo(result.jobsNew());
        assertThat(count(db, "SELECT count(DISTINCT job_posting_id) FROM jobs"))
            .isEqualTo(result.jobsNew());
        assertThat(count(db, "SELECT count(*) FROM scrape_runs WHERE status = 'completed'"))
            .isEqualTo(1);
      }
    }
  }

  /** The attempt number of the pending ingest activity, 0 when none is pending. */
  private static int ingestAttempt(WorkflowClient client, String workflowId) {
    var described =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build());
    return described.getPendingActivitiesList().stream()
        .filter(activity -> activity.getActivityType().getName().contains("Ingest"))
        .mapToInt(PendingActivityInfo::getAttempt)
        .max()
        .orElse(0);
  }

  private EmbeddedPostgres startOnSameDirectory() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  private static long count(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
