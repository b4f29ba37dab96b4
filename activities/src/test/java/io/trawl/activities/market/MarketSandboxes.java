package io.trawl.activities.market;

import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;

/**
 * The quote chain of one worker wired to both market sandboxes over loopback HTTP and a real
 * database, on a clock the test moves. Closes the sandboxes.
 */
final class MarketSandboxes implements AutoCloseable {
  static final BigDecimal COST = new BigDecimal("0.0015");

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
  final FakeUnlocker unlocker;
  final FakeYahoo yahoo;
  final QuoteChain chain;
  final QuoteCache cache;
  final UnlockerBudget budget;
  final UnlockerClient unlockerClient;

  MarketSandboxes(DataSource db, UnlockerFaults unlockerFaults, YahooFaults yahooFaults) {
    this(
        db, unlockerFaults, yahooFaults, new BigDecimal("5.50"), QuoteChain.Settings.DEFAULT_ORDER);
  }

  MarketSandboxes(
      DataSource db,
      UnlockerFaults unlockerFaults,
      YahooFaults yahooFaults,
      BigDecimal dailyBudget,
      List<QuoteSource> order) {
    unlocker = new FakeUnlocker(clock, unlockerFaults).start();
    yahoo = new FakeYahoo(clock, yahooFaults).start();
    MarketCallRepository calls = new MarketCallRepository(db);
    cache = new QuoteCache(new ApiCacheRepository(db), Duration.ofMinutes(15), clock);
    budget =
        new UnlockerBudget(
            new SpendLedger(db),
            calls,
            dailyBudget,
            ZoneId.of("UTC"),
            true,
            clock,
            SpendListener.NONE);
    BreakerJournal journal = new BreakerJournal(calls, "test-worker", clock);
    unlockerClient =
        new UnlockerClient(
            UnlockerConfig.sandbox(unlocker.baseUrl(), FakeUnlocker.ZONE),
            UnlockerClient.Settings.DEFAULT,
            clock);
    YahooClient yahooClient =
        new YahooClient(YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, clock);
    chain =
        QuoteChain.overUnlockerAndYahoo(
            new QuoteChain.Settings(order, COST),
            cache,
            unlockerClient,
            yahooClient,
            journal.watch(
                new SourceBreaker(
                    QuoteSource.BRIGHT_DATA, SourceBreaker.Settings.BRIGHT_DATA, clock)),
            journal.watch(
                new SourceBreaker(QuoteSource.YAHOO, SourceBreaker.Settings.YAHOO, clock)),
            budget,
            db,
            calls,
            clock);
  }

  SourceBreaker breaker(QuoteSource source) {
    return chain.breakers().get(source);
  }

  @Override
  public void close() {
    unlocker.close();
    yahoo.close();
  }
}
