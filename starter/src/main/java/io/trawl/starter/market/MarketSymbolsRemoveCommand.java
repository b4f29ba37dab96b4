package io.trawl.starter.market;

import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.market.MarketSymbol;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trawl market symbols remove}. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    header = "Stop tracking symbols (their cached and stored quotes stay).",
    description = {"Example: trawl market symbols remove MSFT:US"})
public final class MarketSymbolsRemoveCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "Symbols to drop.")
  List<String> symbols = new ArrayList<>();

  @Override
  public Integer call() {
    MarketSymbolsCommand.check(symbols);
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      TrackedSymbols tracked = new TrackedSymbols(runtime.dataSource());
      for (String symbol : symbols) {
        String canonical = MarketSymbol.of(symbol).bloomberg();
        out.println(
            tracked.remove(symbol)
                ? "No longer tracking " + canonical + "."
                : canonical + " was not tracked.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
