package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.jobs.JobIngestActivities;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs retry} resumes a failed run after its last paid step; {@code runs cancel} stops one.
 */
class RunControlTest {
  private static final String WORKFLOW_ID = "jobs-scrape/data-engineer/netherlands";

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  @Test
  void retryResetsAFailedRunAfterItsLastSuccessfulStepWithoutTriggeringAgain() throws Exception {
    Map<String, String> env = env();
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    try {
      WorkerFactory broken = brokenIngestWorker(providers);
      CliRun failed =
          CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
      assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
      broken.shutdownNow();
      broken.awaitTermination(10, TimeUnit.SECONDS);

      try (WorkerHost worker =
          WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers)) {
        CliRun retry = CliRun.run(env, "runs", "retry", WORKFLOW_ID);
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("retrying " + WORKFLOW_ID).contains("new run ");

        ScrapeRunResult result =
            temporal
                .workflowClient()
                .newUntypedWorkflowStub(WORKFLOW_ID, Optional.empty(), Optional.empty())
                .getResult(60, TimeUnit.SECONDS, ScrapeRunResult.class);
        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.jobsNew()).isPositive();
      }
      long triggers =
          temporal.workflowClient().fetchHistory(WORKFLOW_ID).getHistory().getEventsList().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
              .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
              .filter(a -> a.getActivityType().getName().equals("Trigger"))
              .count();
      assertThat(triggers).as("the paid trigger step ran once").isEqualTo(1);

      CliRun again = CliRun.run(env, "runs", "retry", WORKFLOW_ID);
      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains("only a failed run can be retried");
    } finally {
      providers.close();
    }
  }

  @Test
  void cancelStopsARun() {
    Map<String, String> env = env();
    CliRun started =
        CliRun.run(env, "jobs", "scrape", "Data Scientist", "--location", "Belgium", "--detach");
    assertThat(started.exitCode()).as(started.err()).isZero();
    String workflowId = "jobs-scrape/data-scientist/belgium";

    CliRun cancel = CliRun.run(env, "runs", "cancel", workflowId);

    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out()).contains("cancel requested: " + workflowId);
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    try (WorkerHost worker =
        WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers)) {
      WorkflowClient client = temporal.workflowClient();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client
                          .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                          .describe()
                          .getStatus()
                      == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
    } finally {
      providers.close();
    }
  }

  /** The real jobs pipeline except ingest, which fails for good: the run fails at step 6. */
  private WorkerFactory brokenIngestWorker(ProviderSetup providers) {
    WorkerFactory factory = WorkerFactory.newInstance(temporal.workflowClient());
    Worker worker = factory.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    ScrapeRunRepository runs = new ScrapeRunRepository(db.getTestDatabase());
    worker.registerWorkflowImplementationTypes(ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ScrapeRunActivitiesImpl(
            runs, new ProviderRef("brightdata", ProviderRef.SANDBOX), Clock.systemUTC()),
        new SnapshotActivitiesImpl(db.getTestDatabase(), providers.brightData(), runs),
        (JobIngestActivities)
            run -> {
              throw ApplicationFailure.newNonRetryableFailure("ingest broke", "TestFault");
            });
    factory.start();
    return factory;
  }

  private Map<String, String> env() {
    return ProductionEnv.of(temporal, db, home);
  }
}
