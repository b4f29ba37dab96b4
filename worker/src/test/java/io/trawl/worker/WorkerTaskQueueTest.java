package io.trawl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.worker.etl.EtlWorkerSettings;
import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlBatchResult;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker started with a task queue of its own ({@code ./trawl worker --task-queue pool-b})
 * serves both pipelines' runs started on that queue, ETL children included, and nothing else.
 */
class WorkerTaskQueueTest {
  private static final String POOL = "pool-b";

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private TestWorkflowEnvironment env;
  private ProviderSetup providers;
  private WorkerHost worker;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    providers =
        ProviderSetup.fromEnvironment(Map.of(EtlWorkerSettings.DATA_DIR_ENV, data.toString()));
    worker =
        WorkerHost.start(
            env.getWorkflowClient(),
            db.getTestDatabase(),
            providers,
            Set.of(Pipelines.JOBS, Pipelines.ETL),
            POOL);
  }

  @AfterEach
  void stop() {
    worker.close();
    providers.close();
    env.close();
  }

  @Test
  void aScrapeStartedOnThePoolsQueueCompletes() {
    ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Netherlands");

    ScrapeRunResult result = scrape(request, POOL).run(request);

    assertThat(result.completed()).isTrue();
    assertThat(result.jobsFound()).isPositive();
  }

  @Test
  void anEtlBatchOnThePoolsQueueRunsItsSourcesThereToo() {
    EtlSource logo =
        new EtlSource(
            "trawl-logo",
            "sandbox://files/trawl-logo.png",
            EtlFormat.PNG,
            null,
            1 << 20,
            "media/trawl-logo.png",
            Map.of());
    EtlBatchWorkflow batch =
        client()
            .newWorkflowStub(
                EtlBatchWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("etl-batch/pool")
                    .setTaskQueue(POOL)
                    .build());

    EtlBatchResult result = batch.run(new EtlBatchRequest(List.of(logo), false, false, 1));

    assertThat(result.results())
        .extracting(EtlSourceResult::outcome)
        .containsExactly(EtlOutcome.DOWNLOADED);
    assertThat(data.resolve("media/trawl-logo.png")).exists();
  }

  @Test
  void aRunOnThePipelinesOwnQueueIsNotPickedUpByThePoolsWorker() {
    ScrapeRequest request = ScrapeRequest.of("Data Scientist", "Belgium");
    ScrapeRunWorkflow stub = scrape(request, ScrapeRunWorkflow.TASK_QUEUE);
    WorkflowClient.start(stub::run, request);

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(stub)
                    .getResult(3, TimeUnit.SECONDS, ScrapeRunResult.class))
        .isInstanceOf(TimeoutException.class);
    WorkflowStub.fromTyped(stub).terminate("test over");
  }

  private WorkflowClient client() {
    return env.getWorkflowClient();
  }

  private ScrapeRunWorkflow scrape(ScrapeRequest request, String queue) {
    return client()
        .newWorkflowStub(
            ScrapeRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(queue)
                .build());
  }
}
