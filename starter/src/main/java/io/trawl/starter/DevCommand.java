package io.trawl.starter;

import io.trawl.worker.DevStack;
import io.trawl.worker.metrics.MetricsServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl dev}: the local server stack until Ctrl-C. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    header =
        "Run the Temporal dev server, Web UI, PostgreSQL, sandboxes and a worker until Ctrl-C.",
    description = {
      "Other ./trawl commands in another terminal attach to it while it runs (started while it is",
      "still starting, they wait for it). Its worker serves /metrics and /healthz on",
      "TRAWL_METRICS_PORT (default 9464, 0 for a free port).",
      "State lives under TRAWL_HOME (default .trawl/): runs, histories and schedules survive"
          + " restarts.",
      "",
      "Example: ./trawl dev   (then open http://localhost:8233)"
    })
public final class DevCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "Temporal gRPC port (default 7233).",
      converter = NumberRanges.Port.class)
  int port;

  @Option(
      names = "--ui-port",
      defaultValue = "8233",
      description = "Web UI port (default 8233).",
      converter = NumberRanges.Port.class)
  int uiPort;

  @Override
  public Integer call() throws InterruptedException {
    if (port == uiPort) {
      throw new UsageException(
          "--port and --ui-port must be two different ports, got " + port + " and " + uiPort);
    }
    int metricsPort;
    try {
      metricsPort = MetricsServer.port(CliEnvironment.get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    common.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    out.println("trawl dev: starting...");
    out.flush();
    DevStack stack;
    try {
      stack = DevStack.start(CliEnvironment.get(), port, uiPort, metricsPort);
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("trawl dev: stopping...");
                  out.flush();
                  stack.close();
                  out.println("trawl dev: stopped");
                  out.flush();
                  stopped.countDown();
                }));
    stack.description().forEach(line -> out.println("trawl dev: " + line));
    out.println("trawl dev: ready. Other ./trawl commands now attach here. Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
