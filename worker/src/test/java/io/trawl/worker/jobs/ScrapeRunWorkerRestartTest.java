package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker that stops while the run polls, and a new one that takes over, on the real Temporal dev
 * server (the Java test server keeps handing tasks to the stopped worker's abandoned polls).
 */
class ScrapeRunWorkerRestartTest {
  @RegisterExtension static final DevServerExtension server = new DevServerExtension();

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void completesRunWhenWorkerRestartsWhilePollingAndPaysForOneSnapshot() {
    ScrapeRequest search = ScrapeRequest.of("Data Engineer", "Netherlands");
    try (JobsTestStack stack =
        new JobsTestStack(
            db.getTestDatabase(),
            FakeBrightData.Faults.builder().pollsBeforeReady(1_000).build(),
            server.workflowClient())) {
      WorkerFactory first = stack.startWorker();
      ScrapeRunWorkflow run = stack.newRun(search);
      WorkflowClient.start(run::run, search);
      await().atMost(Duration.ofSeconds(30)).until(() -> stack.sandbox.progressPolls() >= 1);

      first.shutdownNow();
      first.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      stack.sandbox.faults(FakeBrightData.Faults.none());
      WorkerFactory second = stack.startWorker();
      try {
        ScrapeRunResult result = WorkflowStub.fromTyped(run).getResult(ScrapeRunResult.class);

        assertThat(result.completed()).isTrue();
        assertThat(result.jobsFound()).isPositive();
        assertThat(stack.sandbox.triggersAccepted()).isEqualTo(1);
        assertThat(stack.sandbox.progressPolls()).isGreaterThanOrEqualTo(2);
      } finally {
        second.shutdownNow();
      }
    }
  }
}
