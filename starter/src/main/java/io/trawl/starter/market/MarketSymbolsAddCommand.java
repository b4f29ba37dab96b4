package io.trawl.starter.market;

import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.market.AssetClass;
import io.trawl.workflows.market.MarketSymbol;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl market symbols add}. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    header = "Track symbols (stored in Bloomberg form; AAPL becomes AAPL:US).",
    description = {"Example: trawl market symbols add AAPL:US MSFT GBPUSD:CUR"})
public final class MarketSymbolsAddCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "Symbols to track.")
  List<String> symbols = new ArrayList<>();

  @Option(
      names = "--asset-class",
      paramLabel = "C",
      description = "Asset class for all of them (default: the one each symbol implies).")
  String assetClass;

  @Override
  public Integer call() {
    MarketSymbolsCommand.check(symbols);
    AssetClass forced = null;
    if (assetClass != null) {
      try {
        forced = AssetClass.fromWireName(assetClass);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      TrackedSymbols tracked = new TrackedSymbols(runtime.dataSource());
      for (String symbol : symbols) {
        String canonical = MarketSymbol.of(symbol).bloomberg();
        out.println(
            tracked.add(symbol, forced)
                ? "Tracking " + canonical + "."
                : canonical + " was already tracked.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
