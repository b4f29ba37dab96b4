package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The daily budgets of providers priced per call ({@code budgets.apify.daily_usd}, {@code
 * budgets.places.daily_usd}, {@code budgets.llm.daily_usd}, {@code
 * budgets.brightdata-unlocker.daily_usd}), keyed by calendar day in {@code budgets.zone}.
 */
public record CallBudgets(Map<String, BigDecimal> dailyUsd, ZoneId zone) {
  public static final Map<String, BigDecimal> DEFAULTS =
      Map.of(
          "apify", new BigDecimal("10"),
          "places", new BigDecimal("10"),
          "llm", new BigDecimal("1"),
          // The market pipeline's Bloomberg pages: the original's $5.50 a day.
          "brightdata-unlocker", new BigDecimal("5.50"));

  static final Set<String> PROVIDERS = DEFAULTS.keySet();
  private static final Set<String> KEYS = Set.of("daily_usd");

  public BigDecimal daily(String provider) {
    return dailyUsd.getOrDefault(provider, DEFAULTS.get(provider));
  }

  /** Reads {@code budgets:}; its Bright Data part is {@link SpendConfig}'s. */
  public static CallBudgets of(TrawlConfig config) {
    ZoneId zone = SpendConfig.of(config).brightData().zone();
    return config.section("budgets", (file, section) -> parse(file, section, zone));
  }

  static CallBudgets parse(String file, JsonNode section, ZoneId zone) {
    Map<String, BigDecimal> daily = new LinkedHashMap<>(DEFAULTS);
    if (section.isMissingNode() || section.isNull()) {
      return new CallBudgets(Map.copyOf(daily), zone);
    }
    for (String provider : PROVIDERS) {
      JsonNode node = section.path(provider);
      if (node.isMissingNode() || node.isNull()) {
        continue;
      }
      ConfigValues v = ConfigValues.of(file, "budgets." + provider, node, KEYS);
      daily.put(provider, v.money("daily_usd", DEFAULTS.get(provider)));
    }
    return new CallBudgets(Map.copyOf(daily), zone);
  }
}
