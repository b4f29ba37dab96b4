package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * trawl.yaml's {@code retention:} section: how long a finished run's detail is kept.
 *
 * <pre>
 * retention:
 *   days: 30        # 1..3650; detail of runs that ended longer ago is pruned
 * </pre>
 *
 * <p>Run rows themselves (their status and counts) are kept; what goes is the detail behind them:
 * staging rows, rejects, stage and per-search rows, per-call statistics, quotes older than the
 * newest per symbol and expired cache entries. See the README's "Retention".
 *
 * @param days detail of runs that ended more than this many days ago is pruned
 */
public record RetentionConfig(int days) {
  public static final int DEFAULT_DAYS = 30;
  public static final int MAX_DAYS = 3650;
  public static final RetentionConfig DEFAULTS = new RetentionConfig(DEFAULT_DAYS);
  private static final Set<String> KEYS = Set.of("days");

  public RetentionConfig {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "retention days must be within 1.." + MAX_DAYS + ", got " + days);
    }
  }

  /** The {@code retention:} section of {@code config}, defaulted. */
  public static RetentionConfig of(TrawlConfig config) {
    return config.section("retention", RetentionConfig::parse);
  }

  static RetentionConfig parse(String file, JsonNode section) {
    ConfigValues values = ConfigValues.of(file, "retention", section, KEYS);
    return new RetentionConfig(values.whole("days", DEFAULT_DAYS, 1, MAX_DAYS));
  }
}
