package io.trawl.starter;

import io.trawl.worker.Pipelines;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.RuntimeLauncher;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.metrics.HealthCheck;
import io.trawl.worker.metrics.MetricsServer;
import java.io.PrintWriter;
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
      "Example: TEMPORAL_ADDRESS=temporal:7233 DATABASE_URL=postgres://trawl@db/trawl ./trawl worker"
    })
public final class WorkerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Option(
      names = "--pipelines",
      paramLabel = "LIST",
      description = "pipelines to run, comma-separated: jobs,etl (default: all)")
  String pipelines;

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
    TrawlRuntime runtime = RuntimeLauncher.forWorker(CliEnvironment.get());
    ProviderSetup providers = ProviderSetup.fromEnvironment(CliEnvironment.get());
    WorkerHost worker =
        WorkerHost.start(runtime.client(), runtime.dataSource(), providers, chosen);
    MetricsServer metrics =
        MetricsServer.start(
            MetricsServer.port(CliEnvironment.get()),
            new HealthCheck(runtime.dataSource(), runtime.client()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  metrics.close();
                  worker.close();
                  providers.close();
                  runtime.close();
                  stopped.countDown();
                }));
    runtime.description().forEach(line -> out.println("trawl worker: " + line));
    providers.description().forEach(line -> out.println("trawl worker: " + line));
    out.println(
        "trawl worker: /metrics and /healthz on port " + metrics.port() + " (TRAWL_METRICS_PORT)");
    out.println(
        "trawl worker: pipelines " + String.join(",", chosen) + "; polling; Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
