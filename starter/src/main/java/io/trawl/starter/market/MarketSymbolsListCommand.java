package io.trawl.starter.market;

import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl market symbols list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List the tracked symbols with their asset class.",
    description = {"Example: trawl market symbols list --json"})
public final class MarketSymbolsListCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the symbols as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<TrackedSymbols.TrackedSymbol> rows = new TrackedSymbols(runtime.dataSource()).list();
      if (json) {
        out.println(Json.write(rows));
      } else if (rows.isEmpty()) {
        out.println("No symbols are tracked: trawl market symbols add AAPL:US");
      } else {
        String format = "%-14s %-12s %s%n";
        out.printf(format, "SYMBOL", "CLASS", "ADDED");
        for (TrackedSymbols.TrackedSymbol row : rows) {
          out.printf(
              format,
              row.symbol(),
              row.assetClass().wireName(),
              row.addedAt().toString().substring(0, 19));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
