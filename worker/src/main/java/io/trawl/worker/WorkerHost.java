package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.trawl.activities.providers.HttpWarmUp;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.config.NotificationsConfig;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.worker.config.RetentionConfig;
import io.trawl.worker.config.SpendConfig;
import io.trawl.worker.logging.ActivityLogContext;
import io.trawl.worker.maintenance.MaintenanceRegistration;
import io.trawl.worker.metrics.ActivityMetricsInterceptor;
import io.trawl.worker.notify.NotifyRegistration;
import io.trawl.worker.notify.WorkerNotifier;
import io.trawl.worker.spend.SpendReporter;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.maintenance.RetentionWorkflow;
import io.trawl.workflows.notify.NotificationWorkflow;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trawl's workers against one Temporal client: every pipeline's workflows and activities on
 * its task queue, and the webhook notifications on theirs.
 *
 * <p>Virtual threads keep thousands of sleeping polling workflows cheap (measured ~530 MiB RSS for
 * 10,000 versus ~970 MiB on platform threads).
 */
public final class WorkerHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerHost.class);

  private final WorkerFactory factory;

  private WorkerHost(WorkerFactory factory) {
    this.factory = factory;
  }

  /** Registers every pipeline with the providers' clients and sandboxes, and starts polling. */
  public static WorkerHost start(
      WorkflowClient client, DataSource dataSource, ProviderSetup providers) {
    return start(
        client, dataSource, providers.brightData(), providers, Set.copyOf(Pipelines.ALL), null);
  }

  /** Registers the {@link Pipelines} named and starts polling their task queues. */
  public static WorkerHost start(
      WorkflowClient client,
      DataSource dataSource,
      ProviderSetup providers,
      Set<String> pipelines) {
    return start(client, dataSource, providers.brightData(), providers, pipelines, null);
  }

  /**
   * Registers the {@link Pipelines} named on {@code taskQueue} instead of their own queues, for a
   * separate pool of workers that only runs started with the same queue reach; null keeps the
   * pipelines' queues.
   */
  public static WorkerHost start(
      WorkflowClient client,
      DataSource dataSource,
      ProviderSetup providers,
      Set<String> pipelines,
      String taskQueue) {
    return start(client, dataSource, providers.brightData(), providers, pipelines, taskQueue);
  }

  /** Registers the jobs pipeline only (no ETL settings at hand) and starts polling. */
  public static WorkerHost start(
      WorkflowClient client, DataSource dataSource, BrightDataClient brightData) {
    return start(client, dataSource, brightData, null, Set.of(Pipelines.JOBS), null);
  }

  private static WorkerHost start(
      WorkflowClient client,
      DataSource dataSource,
      BrightDataClient brightData,
      ProviderSetup providers,
      Set<String> pipelines,
      String taskQueue) {
    // Parsed first: a bad notifications, budgets or breakers section stops the worker before it
    // polls anything.
    NotificationsConfig alerts =
        providers == null ? NotificationsConfig.NONE : NotificationsConfig.of(providers.config());
    SpendConfig spend =
        providers == null ? SpendConfig.DEFAULTS : SpendConfig.of(providers.config());
    RetentionConfig retention =
        providers == null ? RetentionConfig.DEFAULTS : RetentionConfig.of(providers.config());
    WorkerOptions options = WorkerOptions.newBuilder().setUsingVirtualThreads(true).build();
    Map<String, String> environment = providers == null ? Map.of() : providers.etl().environment();
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setUsingVirtualWorkflowThreads(true)
                .setWorkerInterceptors(new ActivityLogContext(), new ActivityMetricsInterceptor())
                .build());
    // With a task queue given, every chosen pipeline shares that one queue's worker.
    Map<String, Worker> workers = new HashMap<>();
    Function<String, Worker> workerFor =
        queue ->
            workers.computeIfAbsent(
                taskQueue != null ? taskQueue : queue,
                name -> {
                  Worker worker = factory.newWorker(name, options);
                  // Every pipeline workflow asks it before labelling a run started without
                  // trawl's search attributes (see RunAttributes.upsertAtStart).
                  worker.registerActivitiesImplementations(new RunAttributeActivitiesImpl());
                  return worker;
                });
    if (pipelines.contains(Pipelines.JOBS)) {
      Worker jobs = workerFor.apply(ScrapeRunWorkflow.TASK_QUEUE);
      // Budgets and breakers come from the worker's own trawl.yaml; alerts go out from here too.
      JobsRegistration.register(jobs, dataSource, brightData, spend, new WorkerNotifier(client));
    }
    if (providers != null && pipelines.contains(Pipelines.ETL)) {
      // ETL downloads are long and bandwidth-bound: their own queue keeps them from delaying jobs.
      Worker etl = workerFor.apply(EtlSourceWorkflow.TASK_QUEUE);
      EtlRegistration.register(etl, dataSource, providers.etl());
    }
    if (providers != null && pipelines.contains(Pipelines.PHARMACY)) {
      // Its own queues whatever --task-queue says: the provider queues carry the rate limits
      // that must hold across every worker.
      PharmacyConfig pharmacy = PharmacyConfig.of(providers.config());
      PharmacyRegistration.register(
          factory,
          dataSource,
          providers.apify(),
          providers.places(),
          PharmacyRegistration.llmClient(pharmacy, environment),
          new PharmacyRegistration.Settings(
              pharmacy, ProviderLimits.of(providers.config()), CallBudgets.of(providers.config())),
          new SpendReporter(new WorkerNotifier(client), java.time.Clock.systemUTC()));
    }
    if (providers != null && pipelines.contains(Pipelines.MARKET)) {
      // Its own queue whatever --task-queue says: every market worker shares the breakers' and
      // budget's tables, and the CLI starts market runs on trawl-market.
      MarketRegistration.register(
          factory,
          dataSource,
          providers.unlocker(),
          providers.yahoo(),
          new MarketRegistration.Settings(
              MarketConfig.of(providers.config()), CallBudgets.of(providers.config())),
          new SpendReporter(new WorkerNotifier(client), java.time.Clock.systemUTC()));
    }
    // Every worker delivers alerts, whatever its pipelines: one that runs only ETL still has
    // failures to report, and a notification must not wait for some other worker to exist.
    Worker notify = factory.newWorker(NotificationWorkflow.TASK_QUEUE, options);
    NotifyRegistration.register(notify, alerts, environment);
    // Retention prunes every pipeline's tables, so every worker can run it, like alerts.
    Worker maintenance = factory.newWorker(RetentionWorkflow.TASK_QUEUE, options);
    maintenance.registerActivitiesImplementations(new RunAttributeActivitiesImpl());
    MaintenanceRegistration.register(
        maintenance, dataSource, retention, java.time.Clock.systemUTC());
    // Paid calls are made on a warm HTTP path from the first one: see HttpWarmUp.
    HttpWarmUp.run();
    factory.start();
    log.info("worker started pipelines={} task_queues={}", pipelines, workers.keySet());
    return new WorkerHost(factory);
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    factory.shutdownNow();
  }

  /**
   * Stops polling and interrupts what still runs, without waiting as {@link #close()} does: for a
   * worker on an in-memory engine that is about to go away with it, where a task let finish could
   * report to nobody (waiting for the pollers was half a second of every one-shot command's exit).
   */
  public void closeNow() {
    factory.shutdownNow();
  }
}
