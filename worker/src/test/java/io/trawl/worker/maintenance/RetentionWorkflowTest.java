package io.trawl.worker.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.worker.config.RetentionConfig;
import io.trawl.worker.history.RecordedHistories;
import io.trawl.workflows.maintenance.PruneResult;
import io.trawl.workflows.maintenance.RetentionRequest;
import io.trawl.workflows.maintenance.RetentionWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention workflow on the worker's registration: a dry run counts, a prune deletes. */
class RetentionWorkflowTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private TestWorkflowEnvironment env;

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aDryRunCountsWhatThePruneThenDeletesUnderTheConfiguredDays() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    MaintenanceRegistration.register(
        env.newWorker(RetentionWorkflow.TASK_QUEUE),
        db.getTestDatabase(),
        new RetentionConfig(7),
        Clock.systemUTC());
    env.start();
    execute(
        """
        INSERT INTO scrape_runs (workflow_id, temporal_run_id, query, location, status,
                                 started_at, finished_at)
          VALUES ('w', 'r1', 'q', 'l', 'failed', now() - interval '8 days', now() - interval '8 days'),
                 ('w', 'r2', 'q', 'l', 'failed', now() - interval '6 days', now() - interval '6 days');
        INSERT INTO job_staging (run_id, seq, raw)
          SELECT id, s, '{}' FROM scrape_runs, generate_series(1, 5) s;
        """);

    PruneResult dry = prune(new RetentionRequest("manual", true), null);
    PruneResult pruned = prune(new RetentionRequest("schedule", false), "maintenance-retention");

    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.retentionDays()).isEqualTo(7);
    assertThat(dry.rows()).containsEntry("job_staging", 5L);
    assertThat(pruned.rows()).isEqualTo(dry.rows());
    assertThat(count("SELECT count(*) FROM job_staging")).as("the 6-day-old run's").isEqualTo(5);
  }

  private PruneResult prune(RetentionRequest request, String recordAs) {
    RetentionWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                RetentionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(RetentionRequest.WORKFLOW_ID)
                    .setTaskQueue(RetentionWorkflow.TASK_QUEUE)
                    .build());
    PruneResult result = workflow.prune(request);
    if (recordAs != null) {
      RecordedHistories.save(
          env.getWorkflowClient(), WorkflowStub.fromTyped(workflow).getExecution(), recordAs);
    }
    return result;
  }

  private void execute(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private int count(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
