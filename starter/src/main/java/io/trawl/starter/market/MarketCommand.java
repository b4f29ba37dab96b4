package io.trawl.starter.market;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The market pipeline: quotes from the cache, Bright Data's Bloomberg pages and Yahoo. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    header = "Quote stocks, currencies and commodities (cache, Bright Data, Yahoo).",
    subcommands = {
      MarketQuotesCommand.class,
      MarketCollectCommand.class,
      MarketSymbolsCommand.class,
      MarketStatsCommand.class,
      MarketBreakersCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MarketCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
