package io.trawl.starter.market;

import io.trawl.activities.market.store.MarketStatsReport;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.TrawlConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl market stats}: the original crawler's statistics, from every worker's calls. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    header = "Breakers, requests per source, cache hit rate, cost and budget for today.",
    description = {
      "Counted from the database (every worker's calls), for the budget zone's calendar day.",
      "",
      "Example: trawl market stats --json"
    })
public final class MarketStatsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the statistics as JSON.")
  boolean json;

  @Override
  public Integer call() {
    TrawlConfig config = common.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      MarketStatsReport report = MarketReport.stats(runtime.dataSource(), config);
      if (json) {
        out.println(Json.write(report));
      } else {
        MarketReport.printStats(out, report);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
