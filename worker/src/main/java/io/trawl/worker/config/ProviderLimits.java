package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * trawl.yaml's {@code providers:}: how fast and how many at once each paid provider's activities
 * may run. The worker of a provider's task queue sets the rate as the queue's {@code
 * maxTaskQueueActivitiesPerSecond}, which the server enforces across every worker process.
 *
 * <pre>
 * providers:
 *   apify:  {rate: 10/s, concurrency: 4}
 *   places: {rate: 5/s, concurrency: 5}
 *   llm:    {rate: 10/m, concurrency: 1}
 * </pre>
 */
public record ProviderLimits(Map<String, Limit> limits) {
  /** Calls per second (the queue's rate) and calls in flight per worker. */
  public record Limit(double perSecond, int concurrency) {}

  public static final Map<String, Limit> DEFAULTS =
      Map.of(
          "apify", new Limit(10, 4),
          "places", new Limit(5, 5),
          "llm", new Limit(10.0 / 60, 1));

  private static final Set<String> LIMIT_KEYS = Set.of("rate", "concurrency");

  public Limit of(String provider) {
    return limits.getOrDefault(provider, DEFAULTS.get(provider));
  }

  /** Reads the section of {@code config}; errors name the file and the key. */
  public static ProviderLimits of(TrawlConfig config) {
    return config.section("providers", ProviderLimits::parse);
  }

  static ProviderLimits parse(String file, JsonNode section) {
    Map<String, Limit> limits = new LinkedHashMap<>(DEFAULTS);
    ConfigValues v = ConfigValues.of(file, "providers", section, DEFAULTS.keySet());
    for (String provider : DEFAULTS.keySet()) {
      if (!v.has(provider)) {
        continue;
      }
      ConfigValues entry = v.child(provider, LIMIT_KEYS);
      Limit fallback = DEFAULTS.get(provider);
      double rate = fallback.perSecond();
      if (entry.has("rate")) {
        rate = rate(file, entry.key("rate"), entry.node().get("rate").asText());
      }
      limits.put(
          provider, new Limit(rate, entry.whole("concurrency", fallback.concurrency(), 1, 1000)));
    }
    return new ProviderLimits(Map.copyOf(limits));
  }

  /** "5/s", "10/m", "100/h" or a bare number per second. */
  static double rate(String file, String key, String text) {
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      int slash = value.indexOf('/');
      double amount = Double.parseDouble(slash < 0 ? value : value.substring(0, slash).strip());
      double seconds =
          slash < 0
              ? 1
              : switch (value.substring(slash + 1).strip()) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> throw new NumberFormatException();
              };
      if (amount > 0 && Double.isFinite(amount)) {
        return amount / seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        file
            + ": "
            + key
            + " must be a positive rate such as 5/s, 10/m or 100/h, got \""
            + text
            + "\"");
  }
}
