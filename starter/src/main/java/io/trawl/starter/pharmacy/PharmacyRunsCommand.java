package io.trawl.starter.pharmacy;

import io.trawl.activities.pharmacy.store.PharmacyQueries;
import io.trawl.activities.spend.BudgetStatus;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl pharmacy runs}: the run history from pharmacy_runs, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    header = "List past pharmacy runs with their status, counts and cost.",
    description = {"Example: trawl pharmacy runs --limit 10"})
public final class PharmacyRunsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows (20).",
      converter = NumberRanges.PositiveInt.class)
  int limit;

  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<PharmacyRunResult> runs = new PharmacyQueries(runtime.dataSource()).recentRuns(limit);
      if (json) {
        out.println(Json.write(runs));
      } else if (runs.isEmpty()) {
        out.println(
            "No pharmacy runs yet. Start one: ./trawl pharmacy run --query pharmacy --location"
                + " \"San Francisco, CA\"");
      } else {
        String format = "%-5s %-10s %-8s %9s %6s %6s %11s %8s %8s %9s%n";
        out.printf(
            format,
            "ID",
            "STATUS",
            "PROVIDER",
            "COLLECTED",
            "UNIQUE",
            "CHAIN",
            "INDEPENDENT",
            "VERIFIED",
            "CLOSED",
            "COST");
        for (PharmacyRunResult r : runs) {
          out.printf(
              format,
              r.runId(),
              r.status(),
              r.provider(),
              r.collected(),
              r.unique(),
              r.chain(),
              r.independent(),
              r.verified(),
              r.closed(),
              BudgetStatus.usd(r.costUsd()));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
