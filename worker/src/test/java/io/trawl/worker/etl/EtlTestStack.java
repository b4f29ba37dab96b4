package io.trawl.worker.etl;

import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.worker.EtlRegistration;
import io.trawl.workflows.etl.DownloadCheckpoint;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The real ETL pipeline for workflow tests: the Temporal test environment, the sandbox file server
 * over loopback HTTP, a real PostgreSQL and a data directory. Workers are made here so a test can
 * stop one and start another mid-download.
 */
final class EtlTestStack implements AutoCloseable {
  final TestWorkflowEnvironment env;
  final FakeFileServer files = new FakeFileServer().start();
  final DataSource dataSource;
  final Path dataDirectory;
  private final java.util.List<WorkerFactory> factories = new java.util.ArrayList<>();

  /**
   * @param timeSkipping false when the test acts while a download runs (stop a worker): the
   *     heartbeat timeout must then pass in real time
   */
  EtlTestStack(DataSource dataSource, Path dataDirectory, boolean timeSkipping) {
    this.env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    this.dataSource = dataSource;
    this.dataDirectory = dataDirectory;
  }

  /** A worker with every real ETL workflow and activity, polling until the factory shuts down. */
  WorkerFactory startWorker() {
    return start(worker -> EtlRegistration.register(worker, dataSource, settings()));
  }

  /**
   * A worker running only the workflows. The Java test server keeps a workflow's next task on the
   * sticky queue of the worker that ran the last one, even after that worker is gone, so a crash
   * test keeps this half alive and kills {@link #startActivityWorker} instead.
   */
  WorkerFactory startWorkflowWorker() {
    return start(EtlRegistration::registerWorkflows);
  }

  /** A worker running only the activities: the one a crash test stops mid-download. */
  WorkerFactory startActivityWorker() {
    return start(worker -> EtlRegistration.registerActivities(worker, dataSource, settings()));
  }

  private WorkerFactory start(java.util.function.Consumer<Worker> registration) {
    WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
    registration.accept(factory.newWorker(EtlSourceWorkflow.TASK_QUEUE));
    factory.start();
    factories.add(factory);
    return factory;
  }

  private EtlWorkerSettings settings() {
    return new EtlWorkerSettings(dataDirectory, files.baseUrl(), Map.of());
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  EtlSourceWorkflow newSourceRun(EtlSource source) {
    return client()
        .newWorkflowStub(
            EtlSourceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(source.workflowId())
                .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                .build());
  }

  EtlSourceResult run(EtlSource source, boolean forceRefresh, boolean dryRun) {
    return newSourceRun(source).run(new EtlSourceRequest(source, forceRefresh, dryRun));
  }

  EtlBatchWorkflow newBatch(String id) {
    return client()
        .newWorkflowStub(
            EtlBatchWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                .build());
  }

  /** The download checkpoint the server holds for a source's running download, if any yet. */
  Optional<DownloadCheckpoint> heartbeatedCheckpoint(EtlSource source) {
    var response =
        client()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client().getOptions().getNamespace())
                    .setExecution(
                        io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                            .setWorkflowId(source.workflowId()))
                    .build());
    for (PendingActivityInfo activity : response.getPendingActivitiesList()) {
      if (activity.getActivityType().getName().equals("EtlDownload")
          && activity.hasHeartbeatDetails()
          && activity.getHeartbeatDetails().getPayloadsCount() > 0) {
        return Optional.of(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                0,
                Optional.of(activity.getHeartbeatDetails()),
                DownloadCheckpoint.class,
                DownloadCheckpoint.class));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    // Stopping our own factories first: otherwise their pollers hold env.close() for seconds.
    factories.forEach(WorkerFactory::shutdownNow);
    factories.forEach(f -> f.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS));
    env.close();
    files.close();
  }
}
