package io.trawl.starter.market;

import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
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

/** {@code trawl market symbols}: the tracked symbols a collection quotes. */
@Command(
    name = "symbols",
    mixinStandardHelpOptions = true,
    header = "Add, remove or list the symbols each collection quotes.",
    subcommands = {
      MarketSymbolsCommand.Add.class,
      MarketSymbolsCommand.Remove.class,
      MarketSymbolsCommand.ListSymbols.class,
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

  /** {@code trawl market symbols add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      header = "Track symbols (stored in Bloomberg form; AAPL becomes AAPL:US).",
      description = {"Example: trawl market symbols add AAPL:US MSFT GBPUSD:CUR"})
  public static final class Add implements Callable<Integer> {
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
      check(symbols);
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

  /** {@code trawl market symbols remove}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      header = "Stop tracking symbols (their cached and stored quotes stay).",
      description = {"Example: trawl market symbols remove MSFT:US"})
  public static final class Remove implements Callable<Integer> {
    @Mixin CommonOptions common;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "Symbols to drop.")
    List<String> symbols = new ArrayList<>();

    @Override
    public Integer call() {
      check(symbols);
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

  /** {@code trawl market symbols list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      header = "List the tracked symbols with their asset class.",
      description = {"Example: trawl market symbols list --json"})
  public static final class ListSymbols implements Callable<Integer> {
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
}
