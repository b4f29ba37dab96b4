package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.trawl.activities.jobs.store.JobLifecycleRepository;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.history.RecordedHistories;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleResult;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle workflow on the worker's own registration: jobs a real scrape ingested, aged in the
 * database, retired only where the grace guard allows.
 */
class JobLifecycleWorkflowTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobsTestStack stack;

  @BeforeEach
  void setUp() {
    stack = new JobsTestStack(db.getTestDatabase(), FakeBrightData.Faults.none());
    stack.startWorker();
  }

  @AfterEach
  void tearDown() {
    stack.close();
  }

  @Test
  void retiresScrapedJobsNotSeenSinceTheThresholdAndReportsTheOriginalSummary() throws Exception {
    ScrapeRunResult scraped = scrape("Data Engineer", "Netherlands");
    age("Data Engineer", Duration.ofDays(20));
    // A fresh completed run inside the window: the search is alive, its old jobs are gone.
    completedRunAgo("Data Engineer", "Netherlands", Duration.ofDays(1));

    JobLifecycleResult result = lifecycle(new JobLifecycleRequest(14, false));

    int stored = scraped.jobsNew();
    assertThat(result.markedNow()).isEqualTo(stored);
    assertThat(result.totals().totalInactive()).isEqualTo(stored);
    assertThat(result.totals().inactiveLast7Days()).isEqualTo(stored);
    assertThat(result.totals().totalActive()).isZero();
    assertThat(result.originalSummary())
        .containsEntry("marked_now", (long) stored)
        .containsEntry("total_active", 0L);
    assertThat(result.summary())
        .startsWith("Marked " + stored + " jobs as inactive (threshold 14 days)");
    assertThat(new JobLifecycleRepository(db.getTestDatabase()).recentlyInactive(5)).hasSize(5);
  }

  @Test
  void keepsJobsOfASearchWhoseOnlyCompletedScrapeIsOlderThanTheWindow() throws Exception {
    ScrapeRunResult scraped = scrape("Data Scientist", "Belgium");
    age("Data Scientist", Duration.ofDays(20));

    JobLifecycleResult result = lifecycle(new JobLifecycleRequest(14, false));

    assertThat(result.markedNow()).isZero();
    assertThat(result.skipped())
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.staleJobs()).isEqualTo(scraped.jobsNew());
              assertThat(group.reason())
                  .startsWith("no completed scrape of this search in the last 14 days");
            });
    assertThat(result.totals().totalActive()).isEqualTo(scraped.jobsNew());
  }

  private ScrapeRunResult scrape(String query, String location) {
    ScrapeRequest request = ScrapeRequest.of(query, location);
    return stack.newRun(request).run(request);
  }

  private JobLifecycleResult lifecycle(JobLifecycleRequest request) {
    JobLifecycleWorkflow workflow =
        stack
            .client()
            .newWorkflowStub(
                JobLifecycleWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(JobLifecycleRequest.WORKFLOW_ID)
                    .setTaskQueue(JobLifecycleWorkflow.TASK_QUEUE)
                    .build());
    JobLifecycleResult result = workflow.run(request);
    RecordedHistories.save(
        stack.client(), WorkflowStub.fromTyped(workflow).getExecution(), "job-lifecycle");
    return result;
  }

  /** Moves the search's jobs and runs into the past, as if nothing had happened since. */
  private void age(String query, Duration by) throws SQLException {
    execute(
        "UPDATE jobs SET last_seen_at = last_seen_at - ?::interval WHERE last_query = ?",
        by.toSeconds() + " seconds",
        query);
    execute(
        "UPDATE scrape_runs SET started_at = started_at - ?::interval WHERE query = ?",
        by.toSeconds() + " seconds",
        query);
  }

  private void completedRunAgo(String query, String location, Duration ago) throws SQLException {
    execute(
        "INSERT INTO scrape_runs (workflow_id, temporal_run_id, query, location, status,"
            + " started_at) VALUES ('wf', gen_random_uuid()::text, ?, ?, 'completed', ?)",
        query,
        location,
        // The workflow reads the test server's clock, which skips ahead past timers: "ago" is
        // measured from it, not from this machine's clock.
        java.sql.Timestamp.from(Instant.ofEpochMilli(stack.env.currentTimeMillis()).minus(ago)));
  }

  private void execute(String sql, Object... params) throws SQLException {
    try (Connection connection = db.getTestDatabase().getConnection();
        PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
