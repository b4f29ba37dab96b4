package io.trawl.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.market.BreakerJournal;
import io.trawl.activities.market.MarketQuoteActivitiesImpl;
import io.trawl.activities.market.MarketStoreActivitiesImpl;
import io.trawl.activities.market.QuoteCache;
import io.trawl.activities.market.QuoteChain;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.market.UnlockerBudget;
import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.spend.SpendReporter;
import io.trawl.workflows.common.RunInputs;
import io.trawl.workflows.market.MarketCacheCleanupWorkflowImpl;
import io.trawl.workflows.market.MarketCollectionWorkflowImpl;
import io.trawl.workflows.market.MarketQuotesWorkflow;
import io.trawl.workflows.market.MarketQuotesWorkflowImpl;
import io.trawl.workflows.market.QuoteSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the market pipeline on {@code trawl-market}: the quotes, collection and cache clean-up
 * workflows, the quote chain with this worker's two breakers, and the bookkeeping.
 */
public final class MarketRegistration {
  private static final Logger log = LoggerFactory.getLogger(MarketRegistration.class);

  private MarketRegistration() {}

  /**
   * The pipeline's settings as the worker read them from its trawl.yaml.
   *
   * @param market the {@code market:} section
   * @param budgets the daily budgets ({@code budgets.brightdata-unlocker.daily_usd}) and zone
   */
  public record Settings(MarketConfig market, CallBudgets budgets) {}

  /** What a registration built, for tests and the worker's status lines. */
  public record Registered(QuoteChain chain, UnlockerBudget budget, TrackedSymbols tracked) {}

  public static Registered register(
      WorkerFactory factory,
      DataSource dataSource,
      UnlockerClient unlocker,
      YahooClient yahoo,
      Settings settings,
      SpendReporter reporter) {
    Worker worker =
        factory.newWorker(
            MarketQuotesWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder().setUsingVirtualThreads(true).build());
    return register(worker, dataSource, unlocker, yahoo, settings, reporter, Clock.systemUTC());
  }

  /** Registers on {@code worker}, whose task queue must be {@code trawl-market}. */
  public static Registered register(
      Worker worker,
      DataSource dataSource,
      UnlockerClient unlocker,
      YahooClient yahoo,
      Settings settings,
      SpendReporter reporter,
      Clock clock) {
    MarketConfig config = settings.market();
    MarketCallRepository calls = new MarketCallRepository(dataSource);
    QuoteCache cache = new QuoteCache(new ApiCacheRepository(dataSource), config.cacheTtl(), clock);
    UnlockerBudget budget =
        new UnlockerBudget(
            new SpendLedger(dataSource),
            calls,
            settings.budgets().daily(UnlockerBudget.PROVIDER),
            settings.budgets().zone(),
            unlocker.isSandbox(),
            clock,
            reporter == null ? SpendListener.NONE : reporter);
    BreakerJournal journal =
        new BreakerJournal(calls, ManagementFactory.getRuntimeMXBean().getName(), clock);
    SourceBreaker brightData =
        breaker(QuoteSource.BRIGHT_DATA, config.brightDataBreaker(), clock, journal, reporter);
    SourceBreaker yahooBreaker =
        breaker(QuoteSource.YAHOO, config.yahooBreaker(), clock, journal, reporter);
    QuoteChain chain =
        QuoteChain.overUnlockerAndYahoo(
            config.chain(),
            cache,
            unlocker,
            yahoo,
            brightData,
            yahooBreaker,
            budget,
            dataSource,
            calls,
            clock);
    TrackedSymbols tracked = new TrackedSymbols(dataSource);
    int seeded = tracked.seedIfEmpty(config.symbols());
    if (seeded > 0) {
      log.info("market tracks the configured symbols count={}", seeded);
    }
    worker.registerWorkflowImplementationTypes(
        RunInputs.STARTABLE,
        MarketQuotesWorkflowImpl.class,
        MarketCollectionWorkflowImpl.class,
        MarketCacheCleanupWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new MarketQuoteActivitiesImpl(chain), new MarketStoreActivitiesImpl(tracked, cache));
    return new Registered(chain, budget, tracked);
  }

  private static SourceBreaker breaker(
      QuoteSource source,
      SourceBreaker.Settings settings,
      Clock clock,
      BreakerJournal journal,
      SpendReporter reporter) {
    SourceBreaker breaker = journal.watch(new SourceBreaker(source, settings, clock));
    if (reporter != null) {
      reporter.watch(breaker);
    }
    return breaker;
  }
}
