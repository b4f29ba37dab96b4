package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.RecordPricing;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * Parses {@code budgets:} and {@code breakers:}. Every error names the file and the key, e.g.
 * {@code trawl.yaml: budgets.brightdata.daily_usd must be a number >= 0, got "lots"}.
 *
 * <pre>
 * budgets:
 *   zone: Europe/Amsterdam        # whose calendar day a daily budget covers (default UTC)
 *   brightdata:
 *     daily_usd: 50               # the most one day may spend or hold back
 *     usd_per_1k_records: 1.50    # Bright Data's price per 1,000 delivered records
 *     reserve_records: 1000       # what a run holds back before its trigger
 * breakers:
 *   brightdata: {failure_rate_percent: 50, window_calls: 10, minimum_calls: 5, open_for: 60s}
 * </pre>
 */
final class SpendConfigParser {
  private static final Set<String> BUDGET_KEYS =
      Set.of("zone", "brightdata", "apify", "places", "llm", "brightdata-unlocker");
  private static final Set<String> PRICING_KEYS =
      Set.of("daily_usd", "usd_per_1k_records", "reserve_records");
  private static final Set<String> BREAKERS_KEYS = Set.of("brightdata");
  private static final Set<String> BREAKER_KEYS =
      Set.of("failure_rate_percent", "window_calls", "minimum_calls", "open_for");

  private SpendConfigParser() {}

  static RecordPricing budgets(String file, JsonNode section) {
    RecordPricing defaults = RecordPricing.BRIGHT_DATA_DEFAULT;
    if (section.isMissingNode() || section.isNull()) {
      return defaults;
    }
    mapping(file, "budgets", section, BUDGET_KEYS);
    ZoneId zone = defaults.zone();
    if (section.hasNonNull("zone")) {
      try {
        zone = ZoneId.of(section.get("zone").asText().strip());
      } catch (DateTimeException e) {
        throw new ConfigException(
            file
                + ": budgets.zone is not a time zone (e.g. UTC, Europe/Amsterdam), got \""
                + section.get("zone").asText()
                + "\"");
      }
    }
    JsonNode brightData = section.path("brightdata");
    if (brightData.isMissingNode() || brightData.isNull()) {
      return new RecordPricing(
          defaults.provider(),
          defaults.dailyLimitUsd(),
          defaults.usdPer1kRecords(),
          defaults.reserveRecords(),
          zone);
    }
    mapping(file, "budgets.brightdata", brightData, PRICING_KEYS);
    return new RecordPricing(
        defaults.provider(),
        money(file, "budgets.brightdata.daily_usd", brightData, defaults.dailyLimitUsd()),
        money(
            file, "budgets.brightdata.usd_per_1k_records", brightData, defaults.usdPer1kRecords()),
        whole(file, "budgets.brightdata.reserve_records", brightData, defaults.reserveRecords(), 0),
        zone);
  }

  static ProviderBreaker.Settings breakers(String file, JsonNode section) {
    ProviderBreaker.Settings defaults = ProviderBreaker.Settings.DEFAULTS;
    if (section.isMissingNode() || section.isNull()) {
      return defaults;
    }
    mapping(file, "breakers", section, BREAKERS_KEYS);
    JsonNode node = section.path("brightdata");
    if (node.isMissingNode() || node.isNull()) {
      return defaults;
    }
    String key = "breakers.brightdata";
    mapping(file, key, node, BREAKER_KEYS);
    int rate = whole(file, key + ".failure_rate_percent", node, defaults.failureRatePercent(), 1);
    if (rate > 100) {
      throw new ConfigException(
          file + ": " + key + ".failure_rate_percent must be 1 to 100, got " + rate);
    }
    Duration openFor = defaults.openFor();
    if (node.hasNonNull("open_for")) {
      openFor = TrawlConfigLoader.duration(file, key + ".open_for", node.get("open_for").asText());
    }
    return new ProviderBreaker.Settings(
        rate,
        whole(file, key + ".window_calls", node, defaults.windowCalls(), 1),
        whole(file, key + ".minimum_calls", node, defaults.minimumCalls(), 1),
        openFor);
  }

  private static void mapping(String file, String key, JsonNode node, Set<String> known) {
    if (!node.isObject()) {
      throw new ConfigException(file + ": " + key + " must be a mapping");
    }
    UnknownKeys.reject(file, key + ".", node, known);
  }

  private static BigDecimal money(String file, String key, JsonNode parent, BigDecimal fallback) {
    JsonNode value = parent.get(key.substring(key.lastIndexOf('.') + 1));
    if (value == null || value.isNull()) {
      return fallback;
    }
    try {
      BigDecimal amount = new BigDecimal(value.asText().strip());
      if (amount.signum() >= 0) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        file + ": " + key + " must be a number >= 0 (US dollars), got \"" + value.asText() + "\"");
  }

  private static int whole(String file, String key, JsonNode parent, int fallback, int minimum) {
    JsonNode value = parent.get(key.substring(key.lastIndexOf('.') + 1));
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || value.asInt() < minimum || !value.isIntegralNumber()) {
      throw new ConfigException(
          file + ": " + key + " must be a whole number >= " + minimum + ", got " + value);
    }
    return value.asInt();
  }
}
