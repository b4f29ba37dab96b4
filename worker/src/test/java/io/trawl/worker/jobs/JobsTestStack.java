package io.trawl.worker.jobs;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.JobsRegistration;
import io.trawl.worker.config.SpendConfig;
import io.trawl.workflows.jobs.JobIngestActivities;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The real jobs pipeline for workflow tests: the Temporal test environment (time skipping), the
 * sandbox over loopback HTTP and a real PostgreSQL. Workers are made here so a test can stop one
 * and start another mid-run.
 */
final class JobsTestStack implements AutoCloseable {
  /**
   * No workflow cache: every workflow task replays the history (a determinism check for free), and
   * there is no sticky queue bound to a stopped worker, which the test server never times out.
   */
  private static final WorkerFactoryOptions NO_CACHE =
      WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build();

  final TestWorkflowEnvironment env;
  private final WorkflowClient client;
  private final java.util.List<WorkerFactory> factories = new java.util.ArrayList<>();
  final FakeBrightData sandbox;
  final BrightDataClient brightData;
  final DataSource dataSource;

  JobsTestStack(DataSource dataSource, FakeBrightData.Faults faults) {
    this(dataSource, faults, true);
  }

  /**
   * @param timeSkipping false for tests that act while a run is polling (stop a worker, cancel):
   *     with skipping, the whole poll loop would be over before the test could act
   */
  JobsTestStack(DataSource dataSource, FakeBrightData.Faults faults, boolean timeSkipping) {
    this(
        dataSource,
        faults,
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build()),
        null,
        BrightDataClient.Timeouts.DEFAULT);
  }

  /** On the time-skipping test server, with the client's timeouts shortened to provoke them. */
  JobsTestStack(
      DataSource dataSource, FakeBrightData.Faults faults, BrightDataClient.Timeouts timeouts) {
    this(
        dataSource,
        faults,
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(true).build()),
        null,
        timeouts);
  }

  /** The pipeline against a real Temporal server (the dev server), through {@code client}. */
  JobsTestStack(DataSource dataSource, FakeBrightData.Faults faults, WorkflowClient client) {
    this(dataSource, faults, null, client, BrightDataClient.Timeouts.DEFAULT);
  }

  private JobsTestStack(
      DataSource dataSource,
      FakeBrightData.Faults faults,
      TestWorkflowEnvironment env,
      WorkflowClient client,
      BrightDataClient.Timeouts timeouts) {
    this.env = env;
    this.client = env != null ? env.getWorkflowClient() : client;
    this.dataSource = dataSource;
    this.sandbox = new FakeBrightData(Clock.systemUTC(), faults).start();
    this.brightData =
        new BrightDataClient(
            BrightDataConfig.fromEnvironment(Map.of(), sandbox.baseUrl()), timeouts);
  }

  /** A worker with every real jobs activity, polling until the factory is shut down. */
  WorkerFactory startWorker() {
    WorkerFactory factory = WorkerFactory.newInstance(client, NO_CACHE);
    factories.add(factory);
    Worker worker = factory.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    JobsRegistration.register(worker, dataSource, brightData);
    factory.start();
    return factory;
  }

  /** A worker with every real jobs activity under {@code spend}'s budget and breaker. */
  WorkerFactory startWorker(SpendConfig spend) {
    WorkerFactory factory = WorkerFactory.newInstance(client, NO_CACHE);
    factories.add(factory);
    Worker worker = factory.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    JobsRegistration.register(worker, dataSource, brightData, spend, null);
    factory.start();
    return factory;
  }

  /** A worker whose ingest step is replaced, to inject a fault there. */
  WorkerFactory startWorkerWithIngest(JobIngestActivities ingest) {
    WorkerFactory factory = WorkerFactory.newInstance(client, NO_CACHE);
    factories.add(factory);
    Worker worker = factory.newWorker(ScrapeRunWorkflow.TASK_QUEUE);
    ScrapeRunRepository runs = new ScrapeRunRepository(dataSource);
    worker.registerWorkflowImplementationTypes(ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ScrapeRunActivitiesImpl(
            runs, new ProviderRef("brightdata", ProviderRef.SANDBOX), Clock.systemUTC()),
        new SnapshotActivitiesImpl(dataSource, brightData, runs),
        ingest);
    factory.start();
    return factory;
  }

  WorkflowClient client() {
    return client;
  }

  ScrapeRunWorkflow newRun(ScrapeRequest request) {
    return client()
        .newWorkflowStub(
            ScrapeRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
                .build());
  }

  @Override
  public void close() {
    // Stopped workers first: closing the environment under polling workers takes seconds.
    factories.forEach(WorkerFactory::shutdownNow);
    if (env != null) {
      env.close();
    }
    sandbox.close();
  }
}
