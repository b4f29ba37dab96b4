package io.trawl.worker.config;

import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.RecordPricing;

/**
 * trawl.yaml's {@code budgets:} and {@code breakers:} as the jobs pipeline uses them.
 *
 * @param brightData the Bright Data daily budget and price
 * @param brightDataBreaker when the Bright Data breaker opens and for how long
 */
public record SpendConfig(RecordPricing brightData, ProviderBreaker.Settings brightDataBreaker) {
  public static final SpendConfig DEFAULTS =
      new SpendConfig(RecordPricing.BRIGHT_DATA_DEFAULT, ProviderBreaker.Settings.DEFAULTS);

  /** Reads both sections of {@code config}; errors name the file and the key. */
  public static SpendConfig of(TrawlConfig config) {
    RecordPricing pricing = config.section("budgets", SpendConfigParser::budgets);
    ProviderBreaker.Settings breaker = config.section("breakers", SpendConfigParser::breakers);
    return new SpendConfig(pricing, breaker);
  }
}
