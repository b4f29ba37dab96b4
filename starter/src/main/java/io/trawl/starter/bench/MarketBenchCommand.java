package io.trawl.starter.bench;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import io.trawl.worker.runtime.TrawlHome;
import io.trawl.workflows.market.QuoteSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench market}: one simulated trading day of scheduled collections and on-demand
 * reads through the real quote chain, against both market sandboxes and an embedded PostgreSQL.
 */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    header = "Simulate a trading day of market collections and reads against the sandboxes.",
    description = {
      "Runs the real quote chain (cache, Bright Data, Yahoo; breakers; the $5.50",
      "brightdata-unlocker budget) against the Unlocker and Yahoo sandboxes (Yahoo",
      "at its default 10%% fault rate) and a throw-away embedded PostgreSQL, on one",
      "clock that the chain and the sandboxes' prices share, moved through a trading",
      "day (14:30 to 21:00 UTC): a collection of --symbols tracked symbols every",
      "--interval, and --reads on-demand reads between them (Zipf over the symbols,",
      "in bursts of one to three).",
      "",
      "Prints cache hit rate (target > 60%%), Bright Data share of provider requests",
      "(< 20%%), Yahoo success rate (> 80%%), cost per day (<= $5.50) and p50/p95",
      "latency per source, counted from market_calls and from the sandboxes' own",
      "counters. The last line is `target met` or `target missed: ...`; the exit",
      "code is 0 either way.",
      "",
      "Example: trawl bench market --symbols 50 --interval 15m --reads 4000"
    })
public final class MarketBenchCommand implements Callable<Integer> {
  private static final Pattern INTERVAL = Pattern.compile("(\\d+)([smh])");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--symbols",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "50",
      description = "Tracked symbols collected every interval (default 50).")
  int symbols;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "15m",
      description = "Collection interval and cache TTL, 1m to 60m (default 15m).")
  String interval;

  @Option(
      names = "--reads",
      converter = NumberRanges.NonNegativeInt.class,
      paramLabel = "N",
      defaultValue = "4000",
      description = "On-demand reads over the day (default 4000).")
  int reads;

  @Option(
      names = "--seed",
      converter = NumberRanges.NonNegativeLong.class,
      paramLabel = "N",
      defaultValue = "20261205",
      description = "Seeds the read pattern (default 20261205).")
  long seed;

  @Option(
      names = "--sources",
      paramLabel = "LIST",
      defaultValue = "cache,bright_data,yahoo",
      description = "The chain, as market.sources (default cache,bright_data,yahoo).")
  String sources;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    int max = MarketBenchDay.maxSymbols();
    if (symbols < 1 || symbols > max) {
      throw new UsageException("--symbols must be 1 to " + max + ", got " + symbols);
    }
    if (reads < 0) {
      throw new UsageException("--reads must be 0 or more, got " + reads);
    }
    Duration every = parseInterval(interval);
    List<QuoteSource> chain = parseSources(sources);
    PrintWriter out = spec.commandLine().getOut();
    Path home = TrawlHome.fromEnvironment(CliEnvironment.get()).root();
    Files.createDirectories(home);
    Path dir = Files.createTempDirectory(home, "bench-market-");
    try {
      if (!json) {
        out.printf(
            Locale.ROOT,
            "bench market: %d symbols every %s, %d on-demand reads, chain %s, one trading day"
                + " (14:30-21:00 UTC)%n",
            symbols,
            interval,
            reads,
            chain.stream().map(QuoteSource::wireName).collect(Collectors.joining(" -> ")));
        out.flush();
      }
      MarketBenchDay.Result result =
          new MarketBenchDay(symbols, every, reads, seed, chain).run(TrawlHome.at(dir));
      BenchOutput.report(
          out, json, result.targets(), () -> asJson(result), table -> print(table, result));
      return ExitCodes.OK;
    } finally {
      BenchFiles.deleteRecursively(dir);
    }
  }

  static List<QuoteSource> parseSources(String text) {
    List<QuoteSource> chain = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        chain.add(QuoteSource.fromWireName(part));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--sources takes cache, bright_data and yahoo, got \"" + part.strip() + "\"");
      }
    }
    if (Set.copyOf(chain).size() != chain.size()) {
      throw new UsageException("--sources names a source twice: " + text);
    }
    return List.copyOf(chain);
  }

  static Duration parseInterval(String text) {
    Matcher m = INTERVAL.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new UsageException("--interval must look like 15m, 1h or 90s, got \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofMinutes(60)) > 0) {
      throw new UsageException("--interval must be 1m to 60m, got " + text);
    }
    return d;
  }

  private static void print(PrintWriter out, MarketBenchDay.Result r) {
    out.printf(
        Locale.ROOT,
        "  lookups: %d (%d in %d collections, %d on-demand reads), %.1f s wall%n",
        r.lookups(),
        r.collectionLookups(),
        r.collections(),
        r.readLookups(),
        r.wallSeconds());
    out.printf(
        Locale.ROOT, "  %-34s %12s %12s %s%n", "figure", "market_calls", "sandboxes", "target");
    row(
        out,
        "cache hit rate",
        pct(r.stats().cacheHitRate()),
        pct(r.counted().cacheHitRate()),
        "> 60 %");
    row(
        out,
        "Bright Data share of provider reqs",
        pct(r.stats().brightDataShare()),
        pct(r.sandboxes().brightDataShare()),
        "< 20 %");
    row(
        out,
        "Yahoo success rate",
        pct(r.stats().yahooSuccessRate()),
        pct(r.sandboxes().yahooSuccessRate()),
        "> 80 %");
    row(
        out,
        "cost per day",
        "$" + r.stats().costUsd().toPlainString(),
        "$" + r.sandboxes().costUsd().toPlainString(),
        "<= $5.50");
    row(
        out,
        "Bright Data requests",
        Long.toString(r.stats().brightDataRequests()),
        Long.toString(r.sandboxes().brightDataRequests()),
        "");
    row(
        out,
        "Yahoo requests",
        Long.toString(r.stats().yahooRequests()),
        Long.toString(r.sandboxes().yahooRequests()),
        "");
    out.printf(Locale.ROOT, "  %-34s %12s %12s%n", "latency p50 / p95 (ms)", "request", "quote");
    for (String source : List.of("cache", "bright_data", "yahoo")) {
      MarketBenchDay.Latency req = r.stats().requestLatency().get(source);
      MarketBenchDay.Latency quote = r.counted().quoteLatency().get(source);
      out.printf(
          Locale.ROOT,
          "  %-34s %12s %12s%n",
          "  " + source,
          req == null ? "-" : req.p50() + " / " + req.p95(),
          quote == null ? "-" : quote.p50() + " / " + quote.p95());
    }
    out.printf(
        Locale.ROOT,
        "  quotes served: %s; no quote: %d%n",
        r.counted().servedBySource(),
        r.counted().unquoted());
  }

  private static void row(PrintWriter out, String name, String db, String sandbox, String goal) {
    out.printf(Locale.ROOT, "  %-34s %12s %12s %s%n", name, db, sandbox, goal);
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value);
  }

  private static Map<String, Object> asJson(MarketBenchDay.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbols", r.symbols());
    m.put("interval_seconds", r.interval().toSeconds());
    m.put("sources", r.order().stream().map(QuoteSource::wireName).toList());
    m.put("collections", r.collections());
    m.put("collection_lookups", r.collectionLookups());
    m.put("reads", r.readLookups());
    m.put("wall_seconds", r.wallSeconds());
    m.put("market_calls", r.stats());
    m.put("sandboxes", r.sandboxes());
    m.put("quotes", r.counted());
    return m;
  }
}
