package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.providers.llm.LlmClassification;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The LLM's answers in {@code api_cache} (provider {@code llm}), keyed by the place's normalized
 * name and address, so the same pharmacy found by another search or run is never asked twice within
 * the TTL. An entry that is unreadable or out of shape is a miss, and the next answer rewrites it.
 */
public final class LlmAnswerCache {
  static final String PROVIDER = "llm";
  static final String PREFIX = "llm:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiCacheRepository cache;
  private final Duration ttl;
  private final Clock clock;

  public LlmAnswerCache(ApiCacheRepository cache, Duration ttl, Clock clock) {
    this.cache = cache;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** {@code llm:<name>|<address>}, both lower case without punctuation. */
  static String key(String name, String address) {
    return PREFIX + PlaceKeys.normalize(name) + "|" + PlaceKeys.normalize(address);
  }

  public Optional<LlmClassification> lookup(String name, String address) {
    return cache.fresh(key(name, address), clock.instant()).flatMap(entry -> read(entry.json()));
  }

  public void store(String name, String address, LlmClassification answer) {
    ObjectNode value = JSON.createObjectNode();
    value.put("classification", answer.classification());
    value.put("is_compounding", answer.isCompounding());
    value.put("confidence", answer.confidence());
    value.put("explanation", answer.explanation());
    Instant now = clock.instant();
    cache.put(key(name, address), PROVIDER, value, now, now.plus(ttl));
  }

  private static Optional<LlmClassification> read(String json) {
    try {
      JsonNode value = JSON.readTree(json);
      JsonNode explanation = value.path("explanation");
      return Optional.of(
          new LlmClassification(
              value.path("classification").asText(),
              value.path("is_compounding").asBoolean(),
              value.path("confidence").asDouble(-1),
              explanation.isTextual() ? explanation.asText() : null));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
