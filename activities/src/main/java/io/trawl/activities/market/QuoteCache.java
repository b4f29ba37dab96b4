package io.trawl.activities.market;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The newest quote per symbol in the shared {@code api_cache} table ({@code market:quote:AAPL:US}),
 * served for {@code ttl} after it was fetched, at no cost.
 *
 * <p>The row's expiry is written with the TTL of the moment; a lookup also checks the fetch time
 * against the TTL configured now, so shortening {@code market.cache_ttl} takes effect at once. A
 * row that does not read as a quote is a miss.
 */
public final class QuoteCache {
  /** The key prefix of every market row in {@code api_cache}. */
  public static final String PREFIX = "market:quote:";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ApiCacheRepository cache;
  private final Duration ttl;
  private final Clock clock;

  public QuoteCache(ApiCacheRepository cache, Duration ttl, Clock clock) {
    this.cache = cache;
    this.ttl = ttl;
    this.clock = clock;
  }

  public Duration ttl() {
    return ttl;
  }

  /** The cached quote of {@code symbol}, as served by the cache at $0; empty on a miss. */
  public Optional<Quote> lookup(String symbol) {
    Instant now = clock.instant();
    return cache
        .fresh(PREFIX + symbol, now)
        .flatMap(entry -> read(entry.json()))
        .filter(quote -> quote.symbol().equals(symbol))
        .filter(quote -> !quote.fetchedAt().plus(ttl).isBefore(now))
        .map(quote -> quote.servedBy(QuoteSource.CACHE, BigDecimal.ZERO, quote.fetchedAt()));
  }

  /** Makes {@code quote} the symbol's cached one until its fetch time plus the TTL. */
  public void store(Quote quote) {
    cache.put(
        PREFIX + quote.symbol(),
        quote.source().wireName(),
        JSON.valueToTree(quote),
        quote.fetchedAt(),
        quote.fetchedAt().plus(ttl));
  }

  /** Deletes market rows expired now; returns how many. */
  public int deleteExpired() {
    return cache.clearExpired(PREFIX, clock.instant());
  }

  private static Optional<Quote> read(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return Optional.ofNullable(JSON.treeToValue(node, Quote.class));
    } catch (Exception e) {
      // A row written by another version, or hand-edited: a miss, and the next fetch rewrites it.
      return Optional.empty();
    }
  }
}
