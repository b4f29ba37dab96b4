package io.trawl.starter.market;

import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.market.store.MarketStatsReport;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.market.QuoteSource;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl market breakers}: each source's circuit breaker as the workers recorded it. */
@Command(
    name = "breakers",
    mixinStandardHelpOptions = true,
    header = "Show each source's circuit breaker, or reset one on every worker.",
    description = {
      "States come from the database, so they cover every worker. --reset NAME records a reset",
      "request there; each worker's NAME breaker closes on its next call.",
      "",
      "Example: trawl market breakers",
      "         trawl market breakers --reset bright_data"
    })
public final class MarketBreakersCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--reset",
      paramLabel = "NAME",
      description = "Close this breaker on every worker: bright_data or yahoo.")
  String reset;

  @Option(names = "--json", description = "Print the breakers as JSON.")
  boolean json;

  @Override
  public Integer call() {
    String source = reset == null ? null : breakerName(reset);
    TrawlConfig config = common.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      if (source != null) {
        new MarketCallRepository(runtime.dataSource())
            .requestReset(
                source, "cli:" + ManagementFactory.getRuntimeMXBean().getName(), Instant.now());
        if (!json) {
          out.println(
              "Reset requested: every worker's " + source + " breaker closes on its next call.");
        }
      }
      MarketStatsReport report = MarketReport.stats(runtime.dataSource(), config);
      if (json) {
        out.println(Json.write(report.breakers()));
      } else {
        MarketReport.printBreakers(out, report);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static String breakerName(String name) {
    try {
      QuoteSource parsed = QuoteSource.fromWireName(name);
      if (parsed != QuoteSource.CACHE) {
        return parsed.wireName();
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new UsageException("--reset takes bright_data or yahoo, got \"" + name + "\"");
  }
}
