package io.trawl.starter.bench;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import io.trawl.worker.runtime.CliLookup;
import io.trawl.worker.runtime.TemporalCli;
import io.trawl.worker.runtime.TrawlHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench workflows}: what Temporal adds per activity to the real scrape workflow, and
 * what 10,000 runs polling at once cost one worker.
 */
@Command(
    name = "workflows",
    mixinStandardHelpOptions = true,
    header = "Time the scrape workflow's overhead per activity and 10,000 runs polling at once.",
    description = {
      "Overhead: the real ScrapeRunWorkflow with no-op activities (same options, activities and",
      "timer as a sandbox run) on the embedded test server and on the Temporal dev server, as",
      "runs/s and ms per activity, against calling the same methods directly; goal <= 3 ms per",
      "activity embedded, <= 10 ms on the dev server. Scale: --concurrent runs polling together",
      "on one worker in a -Xmx1g JVM, on virtual and on platform threads: peak heap, RSS, threads",
      "and time to drain; goal all complete, heap <= 1 GiB, RSS <= 2 GiB. The last line says",
      "`target met` or which target was missed and by how much. --runs 0 or --concurrent 0 skips",
      "that half.",
      "",
      "Example: trawl bench workflows --runs 2000 --concurrent 10000 --server both"
    })
public final class WorkflowsBenchCommand implements Callable<Integer> {
  /** Which servers the overhead half runs on; the scale half runs on the first. */
  enum Server {
    embedded,
    dev,
    both
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--runs",
      converter = NumberRanges.NonNegativeInt.class,
      paramLabel = "N",
      defaultValue = "2000",
      description = "Runs timed per server for the overhead (default 2000; 0 skips it).")
  int runs;

  @Option(
      names = "--concurrent",
      converter = NumberRanges.NonNegativeInt.class,
      paramLabel = "N",
      defaultValue = "10000",
      description = "Runs polling at once for the scale half (default 10000; 0 skips it).")
  int concurrent;

  @Option(
      names = "--server",
      paramLabel = "KIND",
      defaultValue = "both",
      description =
          "embedded, dev or both (default both). Scale runs on the dev server only with dev.")
  Server server;

  @Option(
      names = "--cache",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "1000",
      description = "The scale worker's sticky workflow cache (default 1000).")
  int cache;

  @Option(
      names = "--in-flight",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      description = "Overhead runs open at once (default " + OverheadBench.DEFAULT_IN_FLIGHT + ").")
  int inFlight = OverheadBench.DEFAULT_IN_FLIGHT;

  @Option(names = "--json", description = "Print the figures and targets as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (runs < 0 || concurrent < 0) {
      throw new UsageException(
          "--runs and --concurrent must be 0 or more, got " + runs + " and " + concurrent);
    }
    if (inFlight < 1) {
      throw new UsageException("--in-flight must be 1 or more, got " + inFlight);
    }
    if (cache < 1) {
      throw new UsageException("--cache must be 1 or more, got " + cache);
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> env = CliEnvironment.get();
    TrawlHome home = TrawlHome.fromEnvironment(env);
    Path dir = home.root().resolve("bench").resolve("workflows");
    List<OverheadBench.Figures> overhead = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<ScaleBench.Figures> scale = new ArrayList<>();
    double direct = 0;
    try {
      if (runs > 0) {
        direct = OverheadBench.directNanosPerActivity(runs);
        if (server != Server.dev) {
          progress("overhead on the embedded test server, " + runs + " runs");
          try (BenchServer embedded = BenchServer.embeddedInProcess()) {
            overhead.add(OverheadBench.measure(embedded, runs, inFlight));
          }
        }
        if (server != Server.embedded) {
          CliLookup cli = new TemporalCli(env, home).findOrInstall();
          if (cli.binary().isEmpty()) {
            skipped.add("dev server: the Temporal CLI is not available (" + cli.detail() + ")");
          } else {
            progress("overhead on the Temporal dev server, " + runs + " runs");
            try (BenchServer dev = BenchServer.dev(cli.binary().get(), dir)) {
              overhead.add(OverheadBench.measure(dev, runs, inFlight));
            }
          }
        }
      }
      if (concurrent > 0) {
        try (BenchServer host = scaleServer(env, home, dir)) {
          for (boolean virtual : new boolean[] {true, false}) {
            progress(
                "scale on the "
                    + host.name()
                    + " server, "
                    + concurrent
                    + " runs, "
                    + (virtual ? "virtual" : "platform")
                    + " threads");
            scale.add(ScaleBench.measure(host.target(), concurrent, virtual, cache));
          }
        }
      }
    } finally {
      deleteRecursively(dir);
    }
    WorkflowsBenchReport report = WorkflowsBenchReport.of(direct, overhead, skipped, scale, cache);
    if (json) {
      out.println(Json.write(report));
      out.flush();
    } else {
      report.print(out);
    }
    return ExitCodes.OK;
  }

  private BenchServer scaleServer(Map<String, String> env, TrawlHome home, Path dir) {
    if (server == Server.dev) {
      return BenchServer.dev(new TemporalCli(env, home).findOrInstall().require(), dir);
    }
    return BenchServer.embeddedOnPort();
  }

  /** A line on stderr while a part runs, so stdout stays the table (or JSON) alone. */
  private void progress(String what) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("bench workflows: " + what + "...");
    err.flush();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
