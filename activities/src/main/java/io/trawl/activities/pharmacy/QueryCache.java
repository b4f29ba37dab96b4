package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pharmacy query cache over {@code api_cache}: a search's places under the original's key, for
 * {@code ttl}. An entry that is unreadable, not a list, or empty is a miss, so the next collection
 * rewrites it (the original's corrupt-cache behaviour).
 */
public final class QueryCache {
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);
  static final String PROVIDER = "apify";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiCacheRepository cache;
  private final Duration ttl;
  private final Clock clock;

  public QueryCache(ApiCacheRepository cache, Duration ttl, Clock clock) {
    this.cache = cache;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A lookup: the cached items on a hit, else why it missed. */
  public record Lookup(JsonNode items, String missReason) {
    public boolean hit() {
      return items != null;
    }
  }

  public Lookup lookup(PharmacySearch search) {
    String key = QueryCacheKey.of(search.query(), search.location());
    Optional<ApiCacheRepository.CachedValue> entry = cache.fresh(key, clock.instant());
    if (entry.isEmpty()) {
      return new Lookup(null, "no fresh entry");
    }
    JsonNode value;
    try {
      value = JSON.readTree(entry.get().json());
    } catch (IOException e) {
      return new Lookup(null, "unreadable entry");
    }
    if (value == null || !value.isArray()) {
      return new Lookup(null, "entry is not a list");
    }
    if (value.isEmpty()) {
      return new Lookup(null, "empty list");
    }
    for (JsonNode item : value) {
      if (!item.isObject()) {
        return new Lookup(null, "entry holds a non-object item");
      }
    }
    return new Lookup(value, null);
  }

  /** Stores a search's places; an empty list is never stored (it would be a miss anyway). */
  public void store(PharmacySearch search, JsonNode items) {
    if (items == null || !items.isArray() || items.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    cache.put(
        QueryCacheKey.of(search.query(), search.location()), PROVIDER, items, now, now.plus(ttl));
  }
}
