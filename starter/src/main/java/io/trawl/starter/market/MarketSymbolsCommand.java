package io.trawl.starter.market;

import io.trawl.starter.UsageException;
import io.trawl.workflows.market.MarketSymbol;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trawl market symbols}: the tracked symbols a collection quotes. */
@Command(
    name = "symbols",
    mixinStandardHelpOptions = true,
    header = "Add, remove or list the symbols each collection quotes.",
    subcommands = {
      MarketSymbolsAddCommand.class,
      MarketSymbolsRemoveCommand.class,
      MarketSymbolsListCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MarketSymbolsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Refuses an unknown symbol form before anything is written. */
  static void check(List<String> symbols) {
    for (String symbol : symbols) {
      try {
        MarketSymbol.of(symbol);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
  }
}
