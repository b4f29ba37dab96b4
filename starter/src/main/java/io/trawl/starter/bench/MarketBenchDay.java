package io.trawl.starter.bench;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.market.BreakerJournal;
import io.trawl.activities.market.QuoteCache;
import io.trawl.activities.market.QuoteChain;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.market.UnlockerBudget;
import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.market.store.MarketStats;
import io.trawl.activities.market.store.MarketStatsReport;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.activities.store.Migrations;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.TrawlHome;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteOutcome;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * One simulated trading day through the real {@link QuoteChain}: both market sandboxes over
 * loopback HTTP, an embedded PostgreSQL, and one {@link MutableClock} that the chain, its cache,
 * breakers and budget and the sandboxes' price model all read, moved from event to event.
 */
final class MarketBenchDay {
  static final BigDecimal UNLOCKER_COST = QuoteChain.Settings.DEFAULT_UNLOCKER_COST;
  static final BigDecimal DAILY_BUDGET = new BigDecimal("5.50");

  /** A Wednesday's US session, 09:30 to 16:00 New York time. */
  static final Instant OPEN = Instant.parse("2026-12-02T14:30:00Z");

  static final Instant CLOSE = Instant.parse("2026-12-02T21:00:00Z");
  private static final double ZIPF_EXPONENT = 1.1;

  /**
   * The sandbox's default faults (10 % random 429s and outage pages, null bars, bot defences)
   * without its burst limit: that window is wall-clock time, and the bench compresses a trading day
   * into seconds, so it would see a whole day's requests as one burst.
   */
  static final YahooFaults YAHOO_FAULTS = YahooFaults.builder().burstLimit(0).build();

  private final int symbols;
  private final Duration interval;
  private final int reads;
  private final long seed;
  private final List<QuoteSource> order;

  MarketBenchDay(int symbols, Duration interval, int reads, long seed, List<QuoteSource> order) {
    this.order = List.copyOf(order);
    this.symbols = symbols;
    this.interval = interval;
    this.reads = reads;
    this.seed = seed;
  }

  static int maxSymbols() {
    return Instruments.bloombergIds().size();
  }

  /** p50 and p95 in milliseconds. */
  record Latency(long p50, long p95) {}

  /** The day's figures as {@code market_calls} counts them ({@link MarketStats}). */
  record CallFigures(
      double cacheHitRate,
      long brightDataRequests,
      long yahooRequests,
      double brightDataShare,
      double yahooSuccessRate,
      BigDecimal costUsd,
      Map<String, Latency> requestLatency) {}

  /** The same figures as the sandboxes counted the requests they answered. */
  record SandboxFigures(
      long brightDataRequests,
      long brightDataBilled,
      long yahooRequests,
      long yahooChartsServed,
      double brightDataShare,
      double yahooSuccessRate,
      BigDecimal costUsd) {}

  /** What the bench saw of each lookup: who served it and how long the whole chain took. */
  record QuoteFigures(
      double cacheHitRate,
      Map<String, Long> servedBySource,
      long unquoted,
      Map<String, Latency> quoteLatency) {}

  record Result(
      int symbols,
      Duration interval,
      List<QuoteSource> order,
      int collections,
      long collectionLookups,
      long readLookups,
      double wallSeconds,
      CallFigures stats,
      SandboxFigures sandboxes,
      QuoteFigures counted) {
    long lookups() {
      return collectionLookups + readLookups;
    }

    /**
     * The day's targets. Yahoo's success rate is unmeasured (and so missed) when no request reached
     * Yahoo.
     */
    List<BenchTarget> targets() {
      return List.of(
          BenchTarget.above("cache hit rate", stats.cacheHitRate(), 60, "%"),
          BenchTarget.below(
              "Bright Data share of provider requests", stats.brightDataShare(), 20, "%"),
          BenchTarget.above(
              "Yahoo success rate",
              stats.yahooRequests() == 0 ? Double.NaN : stats.yahooSuccessRate(),
              80,
              "%"),
          BenchTarget.atMost("cost per day", stats.costUsd().doubleValue(), 5.50, "$"));
    }
  }

  /** One thing that happens at {@code at}: a collection (symbol null) or one read. */
  private record Event(Instant at, String symbol) {}

  Result run(TrawlHome home) {
    List<String> tracked = Instruments.bloombergIds().subList(0, symbols);
    List<Event> events = schedule(tracked);
    MutableClock clock = new MutableClock(OPEN);
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home);
        FakeUnlocker unlocker = new FakeUnlocker(clock, UnlockerFaults.none()).start();
        FakeYahoo yahoo = new FakeYahoo(clock, YAHOO_FAULTS).start()) {
      DataSource db = database.dataSource();
      Migrations.migrate(db);
      QuoteChain chain = chain(db, clock, unlocker, yahoo, order);
      Map<String, List<Long>> nanosBySource = new TreeMap<>();
      long[] unquoted = {0};
      int collections = 0;
      long collectionLookups = 0;
      long readLookups = 0;
      long started = System.nanoTime();
      for (Event event : events) {
        clock.set(event.at());
        if (event.symbol() == null) {
          collections++;
          for (String symbol : tracked) {
            lookup(chain, symbol, nanosBySource, unquoted);
            collectionLookups++;
          }
        } else {
          lookup(chain, event.symbol(), nanosBySource, unquoted);
          readLookups++;
        }
      }
      double wall = (System.nanoTime() - started) / 1e9;
      clock.set(CLOSE);
      MarketStatsReport report =
          new MarketStats(db, UnlockerBudget.scope(true), DAILY_BUDGET, ZoneOffset.UTC)
              .since(OPEN, CLOSE);
      return new Result(
          symbols,
          interval,
          order,
          collections,
          collectionLookups,
          readLookups,
          wall,
          callFigures(report),
          sandboxFigures(unlocker, yahoo),
          quoteFigures(nanosBySource, unquoted[0], collectionLookups + readLookups));
    }
  }

  /** Collections every interval from the open; reads at random instants in bursts of 1 to 3. */
  private List<Event> schedule(List<String> tracked) {
    List<Event> events = new ArrayList<>();
    for (Instant at = OPEN; at.isBefore(CLOSE); at = at.plus(interval)) {
      events.add(new Event(at, null));
    }
    Random random = new Random(seed);
    double[] cumulative = zipf(tracked.size());
    long daySeconds = Duration.between(OPEN, CLOSE).toSeconds();
    int planned = 0;
    while (planned < reads) {
      String symbol = tracked.get(pick(cumulative, random.nextDouble()));
      Instant at = OPEN.plusSeconds(random.nextLong(daySeconds));
      int burst = Math.min(reads - planned, 1 + random.nextInt(3));
      for (int i = 0; i < burst && at.isBefore(CLOSE); i++) {
        events.add(new Event(at, symbol));
        planned++;
        at = at.plusSeconds(2 + random.nextInt(19));
      }
    }
    // Stable: at equal instants the collection (added first) runs before the reads.
    events.sort((a, b) -> a.at().compareTo(b.at()));
    return events;
  }

  private static double[] zipf(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
      cumulative[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= sum;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private static void lookup(
      QuoteChain chain, String symbol, Map<String, List<Long>> nanosBySource, long[] unquoted) {
    long started = System.nanoTime();
    try {
      QuoteOutcome outcome = chain.fetch(new QuoteLookup(symbol, false, null));
      nanosBySource
          .computeIfAbsent(outcome.quote().source().wireName(), s -> new ArrayList<>())
          .add(System.nanoTime() - started);
    } catch (ApplicationFailure e) {
      unquoted[0]++;
    }
  }

  private static QuoteChain chain(
      DataSource db,
      MutableClock clock,
      FakeUnlocker unlocker,
      FakeYahoo yahoo,
      List<QuoteSource> order) {
    MarketCallRepository calls = new MarketCallRepository(db);
    QuoteCache cache = new QuoteCache(new ApiCacheRepository(db), Duration.ofMinutes(15), clock);
    UnlockerBudget budget =
        new UnlockerBudget(
            new SpendLedger(db),
            calls,
            DAILY_BUDGET,
            ZoneOffset.UTC,
            true,
            clock,
            SpendListener.NONE);
    BreakerJournal journal = new BreakerJournal(calls, "bench", clock);
    UnlockerClient unlockerClient =
        new UnlockerClient(
            UnlockerConfig.sandbox(unlocker.baseUrl(), FakeUnlocker.ZONE),
            UnlockerClient.Settings.DEFAULT,
            clock);
    YahooClient yahooClient =
        new YahooClient(YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, clock);
    return QuoteChain.overUnlockerAndYahoo(
        new QuoteChain.Settings(order, UNLOCKER_COST),
        cache,
        unlockerClient,
        yahooClient,
        journal.watch(
            new SourceBreaker(QuoteSource.BRIGHT_DATA, SourceBreaker.Settings.BRIGHT_DATA, clock)),
        journal.watch(new SourceBreaker(QuoteSource.YAHOO, SourceBreaker.Settings.YAHOO, clock)),
        budget,
        db,
        calls,
        clock);
  }

  private static CallFigures callFigures(MarketStatsReport report) {
    MarketStatsReport.SourceStats bright = report.source("bright_data");
    MarketStatsReport.SourceStats yahoo = report.source("yahoo");
    Map<String, Latency> latency = new TreeMap<>();
    for (MarketStatsReport.SourceStats s : List.of(bright, yahoo)) {
      if (s.requests() > 0) {
        latency.put(s.source(), new Latency(s.p50LatencyMs(), s.p95LatencyMs()));
      }
    }
    return new CallFigures(
        report.cache().hitRatePercent(),
        bright.requests(),
        yahoo.requests(),
        percent(bright.requests(), bright.requests() + yahoo.requests()),
        yahoo.successRatePercent(),
        report.totalCostUsd().stripTrailingZeros(),
        latency);
  }

  private static SandboxFigures sandboxFigures(FakeUnlocker unlocker, FakeYahoo yahoo) {
    long bright = unlocker.requests();
    long yahooRequests = yahoo.requests();
    return new SandboxFigures(
        bright,
        unlocker.billedRequests(),
        yahooRequests,
        yahoo.chartsServed(),
        percent(bright, bright + yahooRequests),
        percent(yahoo.chartsServed(), yahooRequests),
        UNLOCKER_COST.multiply(BigDecimal.valueOf(unlocker.billedRequests())).stripTrailingZeros());
  }

  private static QuoteFigures quoteFigures(
      Map<String, List<Long>> nanosBySource, long unquoted, long lookups) {
    Map<String, Long> served = new TreeMap<>();
    Map<String, Latency> latency = new TreeMap<>();
    nanosBySource.forEach(
        (source, nanos) -> {
          served.put(source, (long) nanos.size());
          long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
          latency.put(source, new Latency(millis(sorted, 0.50), millis(sorted, 0.95)));
        });
    return new QuoteFigures(
        percent(served.getOrDefault("cache", 0L), lookups), served, unquoted, latency);
  }

  /** The nearest-rank percentile, in whole milliseconds as market_calls keeps them. */
  private static long millis(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return Duration.ofNanos(sorted[Math.max(0, rank - 1)]).toMillis();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
  }
}
