package io.trawl.starter;

import io.trawl.worker.Pipelines;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.RuntimeLauncher;
import io.trawl.worker.TaskQueues;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.metrics.HealthCheck;
import io.trawl.worker.metrics.MetricsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trawl worker}: a worker only, against a production cluster or a running dev stack. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Run a worker (every pipeline) until stopped; run more of them to scale out.",
    description = {
      "Needs TEMPORAL_ADDRESS + DATABASE_URL (production) or a running ./trawl dev.",
      "",
      "Example: TEMPORAL_ADDRESS=temporal:7233 DATABASE_URL=postgres://trawl@db/trawl ./trawl"
          + " worker",
      "         ./trawl worker --pipelines etl --task-queue etl-bulk"
    })
public final class WorkerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Option(
      names = "--pipelines",
      paramLabel = "LIST",
      description = "pipelines to run, comma-separated: jobs,etl,pharmacy,market (default: all)")
  String pipelines;

  @CommandLine.Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description =
          "poll this task queue for the chosen pipelines instead of their own queues, to serve"
              + " only runs started with --task-queue QUEUE (a separate pool of workers)")
  String taskQueue;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Set<String> chosen;
    try {
      chosen = Pipelines.parse(pipelines);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--pipelines: " + e.getMessage());
    }
    String queue = null;
    if (taskQueue != null) {
      try {
        queue = TaskQueues.check(taskQueue);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--task-queue: " + e.getMessage());
      }
    }
    int port;
    try {
      port = MetricsServer.port(CliEnvironment.get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    TrawlRuntime runtime =
        RuntimeLauncher.forWorker(
            CliEnvironment.get(),
            line -> {
              out.println("trawl worker: " + line);
              out.flush();
            });
    ProviderSetup providers = ProviderSetup.fromEnvironment(CliEnvironment.get());
    WorkerHost worker =
        WorkerHost.start(runtime.client(), runtime.dataSource(), providers, chosen, queue);
    MetricsServer metrics;
    try {
      metrics = MetricsServer.start(port, new HealthCheck(runtime.dataSource(), runtime.client()));
    } catch (UncheckedIOException e) {
      // A second worker on one host must not die for it; Prometheus reports the target down.
      metrics = null;
    }
    MetricsServer served = metrics;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (served != null) {
                    served.close();
                  }
                  worker.close();
                  providers.close();
                  runtime.close();
                  stopped.countDown();
                }));
    runtime.description().forEach(line -> out.println("trawl worker: " + line));
    providers.description().forEach(line -> out.println("trawl worker: " + line));
    out.println(
        served != null
            ? "trawl worker: /metrics and /healthz on port "
                + served.port()
                + " (TRAWL_METRICS_PORT)"
            : "trawl worker: /metrics not served: port "
                + port
                + " is in use (set TRAWL_METRICS_PORT, 0 for any free port)");
    out.println(
        "trawl worker: pipelines "
            + String.join(",", chosen)
            + (queue == null
                ? " on their own task queues"
                : " on task queue " + queue + " (start runs with --task-queue " + queue + ")"));
    out.println("trawl worker: polling; Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
