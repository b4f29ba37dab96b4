package io.trawl.starter.chaos;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trawl chaos crash}: SIGKILL the worker JVM again and again during real runs. */
@Command(
    name = "crash",
    mixinStandardHelpOptions = true,
    header = "SIGKILL the worker JVM at random points of real runs; nothing may be lost.",
    description = {
      "Starts the real Temporal dev server as its own process on free ports, an",
      "embedded PostgreSQL and the sandboxes (with their call counters), all under a",
      "temporary TRAWL_HOME. Per pipeline (all four side by side) it runs the same",
      "input twice, each in a fresh database: once with a worker JVM (trawl worker)",
      "left alone, then with one that is SIGKILLed --kills times at seeded random",
      "points (inside activities and between them: mid-download, mid-ingest,",
      "mid-collection) and restarted each time. Attempts that die with a worker are",
      "reported failed at once, so they are retried without waiting out their",
      "timeouts.",
      "",
      "Then it compares: the run completed; row counts equal; no duplicate rows by",
      "natural key; one trigger (jobs), one actor run per search (pharmacy) and the",
      "same paid calls; the cost ledger equals what the sandboxes billed, no hold",
      "left open; no partial or temporary file, no more staging rows than the",
      "undisturbed run left. Prints a table per pipeline and a last line such as",
      "`80 kills survived, 0 lost, 0 duplicates, 0 double charges`; exit 1 on any",
      "difference, each named on a `difference:` line. A paid call whose request was",
      "in flight when its worker died (the ledger books it) is made again by the",
      "retry: such calls are counted apart, after the double charges.",
      "",
      "Example: ./trawl chaos crash --pipeline all --kills 20 --seed 42"
    })
public final class CrashCommand implements Callable<Integer> {
  /** The pipelines --pipeline takes. */
  enum Pipeline {
    jobs,
    etl,
    pharmacy,
    market,
    all
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--pipeline",
      paramLabel = "NAME",
      defaultValue = "all",
      description = "jobs, etl, pharmacy, market or all (default all).")
  Pipeline pipeline;

  @Option(
      names = "--kills",
      paramLabel = "N",
      defaultValue = "20",
      converter = NumberRanges.NonNegativeInt.class,
      description = "SIGKILLs per pipeline run (default 20).")
  int kills;

  @Option(
      names = "--seed",
      paramLabel = "N",
      converter = NumberRanges.NonNegativeLong.class,
      description = "Seed of the kill points (default: drawn and printed, to repeat a run).")
  Long seed;

  @Option(names = "--json", description = "Print the figures, differences and totals as JSON.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long chosenSeed = seed != null ? seed : new Random().nextLong(1_000_000);
    Path home = temporaryHome();
    List<PipelineResult> results = new ArrayList<>();
    try (ChaosStack stack = ChaosStack.start(CliEnvironment.get(), home)) {
      PipelineCrash crash =
          new PipelineCrash(
              stack,
              line -> {
                err.println("chaos crash: " + line);
                err.flush();
              });
      // Each pipeline has its own worker JVM, task queues and tables, so they run side by side.
      List<Future<PipelineResult>> runs = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (Supplier<CrashPipeline> selected : selected()) {
          runs.add(pool.submit(() -> crash.run(selected, kills, chosenSeed)));
        }
        for (Future<PipelineResult> run : runs) {
          results.add(run.get());
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InterruptedException interrupted) {
          throw interrupted;
        }
        err.println("chaos crash: " + cause.getMessage() + " (files kept in " + home + ")");
        return ExitCodes.FAILED;
      }
    } catch (IllegalStateException e) {
      err.println("chaos crash: " + e.getMessage() + " (files kept in " + home + ")");
      return ExitCodes.FAILED;
    }
    CrashReport report = new CrashReport(results, chosenSeed);
    if (json) {
      out.println(Json.write(report.json()));
    } else {
      report.printTables(out);
    }
    out.flush();
    if (report.clean()) {
      deleteQuietly(home);
      return ExitCodes.OK;
    }
    err.println("chaos crash: workers' output and logs kept in " + home);
    return ExitCodes.FAILED;
  }

  private List<Supplier<CrashPipeline>> selected() {
    List<Supplier<CrashPipeline>> all = new ArrayList<>();
    if (pipeline == Pipeline.all || pipeline == Pipeline.jobs) {
      all.add(JobsCrash::new);
    }
    if (pipeline == Pipeline.all || pipeline == Pipeline.etl) {
      all.add(EtlCrash::new);
    }
    if (pipeline == Pipeline.all || pipeline == Pipeline.pharmacy) {
      all.add(PharmacyCrash::new);
    }
    if (pipeline == Pipeline.all || pipeline == Pipeline.market) {
      all.add(MarketCrash::new);
    }
    return all;
  }

  private static Path temporaryHome() {
    try {
      return Files.createTempDirectory("trawl-chaos-crash-");
    } catch (IOException e) {
      throw new UsageException("cannot create a temporary directory: " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory: the system cleans it eventually.
    }
  }
}
