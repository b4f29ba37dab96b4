package io.trawl.worker.config;

import io.trawl.activities.market.QuoteChain;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * trawl.yaml's {@code market:} section; the Unlocker's daily budget is {@code
 * budgets.brightdata-unlocker.daily_usd} ({@link CallBudgets}).
 *
 * @param sources the chain, in order
 * @param cacheTtl how long a fetched quote is served from the cache (1 to 60 minutes)
 * @param collectEvery the interval of the {@code market-collect} schedule (1 to 60 minutes)
 * @param parallelism quotes a collection keeps in flight
 * @param symbols tracked on a database that tracks none yet
 * @param unlockerZone the Web Unlocker zone; {@code BRIGHTDATA_UNLOCKER_ZONE} wins over it
 * @param unlockerCostUsd what one delivered Bloomberg page costs
 * @param brightDataBreaker when the Bright Data breaker opens and for how long
 * @param yahooBreaker when the Yahoo breaker opens and for how long
 */
public record MarketConfig(
    List<QuoteSource> sources,
    Duration cacheTtl,
    Duration collectEvery,
    int parallelism,
    List<String> symbols,
    String unlockerZone,
    BigDecimal unlockerCostUsd,
    SourceBreaker.Settings brightDataBreaker,
    SourceBreaker.Settings yahooBreaker) {

  /** The shortest and longest cache TTL and collection interval the original allowed. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  public static final Duration MAX_INTERVAL = Duration.ofMinutes(60);

  public static final MarketConfig DEFAULTS =
      new MarketConfig(
          QuoteChain.Settings.DEFAULT_ORDER,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          MarketCollectionRequest.DEFAULT_PARALLELISM,
          List.of("AAPL:US", "MSFT:US", "EURUSD:CUR", "GC1:COM", "SPX:IND"),
          UnlockerConfig.DEFAULT_ZONE,
          QuoteChain.Settings.DEFAULT_UNLOCKER_COST,
          SourceBreaker.Settings.BRIGHT_DATA,
          SourceBreaker.Settings.YAHOO);

  public MarketConfig {
    sources = List.copyOf(sources);
    symbols = List.copyOf(symbols);
  }

  /** The chain's settings. */
  public QuoteChain.Settings chain() {
    return new QuoteChain.Settings(sources, unlockerCostUsd);
  }

  /** Reads the section of {@code config}; errors name the file and the key. */
  public static MarketConfig of(TrawlConfig config) {
    return config.section("market", MarketConfigParser::parse);
  }
}
