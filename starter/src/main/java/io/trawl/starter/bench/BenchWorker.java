package io.trawl.starter.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.trawl.worker.RunAttributeActivitiesImpl;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import java.util.concurrent.TimeUnit;

/**
 * One worker running the real {@link ScrapeRunWorkflowImpl} over {@link NoopScrapeActivities} on a
 * bench task queue, tuned as a production worker would be.
 *
 * @param virtualThreads virtual or platform threads for workflow code and activities
 * @param cacheSize sticky workflow cache entries (and, on platform threads, workflow threads)
 * @param pollers workflow-task and activity-task pollers each
 */
record BenchWorker(boolean virtualThreads, int cacheSize, int pollers) {
  /** The settings that mattered in the measurements: see docs/performance.md. */
  static BenchWorker tuned(boolean virtualThreads, int cacheSize) {
    return new BenchWorker(virtualThreads, cacheSize, 4);
  }

  /** Started factory; shut it down with {@link #stop}. */
  WorkerFactory start(WorkflowClient client, String taskQueue, NoopScrapeActivities activities) {
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setUsingVirtualWorkflowThreads(virtualThreads)
                .setWorkflowCacheSize(cacheSize)
                .setMaxWorkflowThreadCount(cacheSize)
                .build());
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setUsingVirtualThreads(virtualThreads)
                .setMaxConcurrentWorkflowTaskPollers(pollers)
                .setMaxConcurrentActivityTaskPollers(pollers)
                .build());
    worker.registerWorkflowImplementationTypes(ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities, new RunAttributeActivitiesImpl());
    factory.start();
    return factory;
  }

  static void stop(WorkerFactory factory) {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    factory.shutdownNow();
  }
}
