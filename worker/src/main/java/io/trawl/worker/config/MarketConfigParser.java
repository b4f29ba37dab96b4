package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.QuoteSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code market:}. Every error names the file and the key, e.g. {@code trawl.yaml:
 * market.cache_ttl must be 1m to 60m, got "2h"}.
 *
 * <pre>
 * market:
 *   sources: [cache, bright_data, yahoo]   # the chain, in order
 *   cache_ttl: 15m                         # 1m to 60m
 *   collect_every: 15m                     # market-collect's interval, 1m to 60m
 *   parallelism: 8                         # quotes a collection keeps in flight
 *   symbols: [AAPL:US, EURUSD:CUR]         # tracked on a fresh database
 *   bright_data: {zone: web_unlocker1, cost_per_request_usd: 0.0015}
 *   breakers:
 *     bright_data: {failures: 3, open_for: 120s}
 *     yahoo: {failures: 5, open_for: 60s}
 * </pre>
 */
final class MarketConfigParser {
  private static final Set<String> KEYS =
      Set.of(
          "sources",
          "cache_ttl",
          "collect_every",
          "parallelism",
          "symbols",
          "bright_data",
          "breakers");
  private static final Set<String> BRIGHT_DATA_KEYS = Set.of("zone", "cost_per_request_usd");
  private static final Set<String> BREAKERS_KEYS = Set.of("bright_data", "yahoo");
  private static final Set<String> BREAKER_KEYS = Set.of("failures", "open_for");

  private MarketConfigParser() {}

  static MarketConfig parse(String file, JsonNode section) {
    MarketConfig d = MarketConfig.DEFAULTS;
    if (section.isMissingNode() || section.isNull()) {
      return d;
    }
    ConfigValues v = ConfigValues.of(file, "market", section, KEYS);
    ConfigValues brightData = v.child("bright_data", BRIGHT_DATA_KEYS);
    ConfigValues breakers = v.child("breakers", BREAKERS_KEYS);
    return new MarketConfig(
        sources(file, v, d),
        interval(file, v, "cache_ttl", d.cacheTtl()),
        interval(file, v, "collect_every", d.collectEvery()),
        v.whole("parallelism", d.parallelism(), 1, MarketCollectionRequest.MAX_PARALLELISM),
        symbols(file, v, d),
        brightData.text("zone", d.unlockerZone()),
        brightData.money("cost_per_request_usd", d.unlockerCostUsd()),
        breaker(file, breakers, "bright_data", d.brightDataBreaker()),
        breaker(file, breakers, "yahoo", d.yahooBreaker()));
  }

  /** A duration within the original's 1 to 60 minutes. */
  static Duration interval(String file, ConfigValues v, String field, Duration fallback) {
    Duration value = v.duration(field, fallback);
    if (value.compareTo(MarketConfig.MIN_INTERVAL) < 0
        || value.compareTo(MarketConfig.MAX_INTERVAL) > 0) {
      throw new ConfigException(
          file
              + ": "
              + v.key(field)
              + " must be 1m to 60m, got \""
              + v.node().get(field).asText()
              + "\"");
    }
    return value;
  }

  private static List<QuoteSource> sources(String file, ConfigValues v, MarketConfig d) {
    if (!v.has("sources")) {
      return d.sources();
    }
    List<String> names = v.strings("sources");
    if (names.isEmpty()) {
      throw new ConfigException(file + ": market.sources is empty");
    }
    List<QuoteSource> sources = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      QuoteSource source;
      try {
        source = QuoteSource.fromWireName(names.get(i));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": market.sources[" + i + "]: " + e.getMessage());
      }
      if (sources.contains(source)) {
        throw new ConfigException(
            file + ": market.sources[" + i + "]: " + source.wireName() + " is listed twice");
      }
      sources.add(source);
    }
    return sources;
  }

  private static List<String> symbols(String file, ConfigValues v, MarketConfig d) {
    if (!v.has("symbols")) {
      return d.symbols();
    }
    List<String> given = v.strings("symbols");
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      try {
        symbols.add(MarketSymbol.of(given.get(i)).bloomberg());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": market.symbols[" + i + "]: " + e.getMessage());
      }
    }
    return symbols;
  }

  private static SourceBreaker.Settings breaker(
      String file, ConfigValues breakers, String source, SourceBreaker.Settings fallback) {
    if (!breakers.has(source)) {
      return fallback;
    }
    ConfigValues v = breakers.child(source, BREAKER_KEYS);
    return new SourceBreaker.Settings(
        v.whole("failures", fallback.failures(), 1, 1000),
        v.duration("open_for", fallback.openFor()));
  }
}
