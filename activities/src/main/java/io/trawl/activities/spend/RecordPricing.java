package io.trawl.activities.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * A provider billed per delivered record, with a daily budget.
 *
 * @param provider the provider's name, e.g. {@code brightdata}
 * @param dailyLimitUsd the most a calendar day may commit
 * @param usdPer1kRecords the price of a thousand delivered records
 * @param reserveRecords how many records a run reserves before its paid call: the collection's size
 *     is unknown until it is delivered, so this bounds what one run is expected to cost
 * @param zone the zone whose calendar day keys the budget
 */
public record RecordPricing(
    String provider,
    BigDecimal dailyLimitUsd,
    BigDecimal usdPer1kRecords,
    int reserveRecords,
    ZoneId zone) {
  /** Bright Data's LinkedIn jobs dataset: ~$1.50 per 1,000 records (PROVIDERS.md, unconfirmed). */
  public static final RecordPricing BRIGHT_DATA_DEFAULT =
      new RecordPricing(
          "brightdata", new BigDecimal("50"), new BigDecimal("1.50"), 1000, ZoneId.of("UTC"));

  public RecordPricing {
    if (dailyLimitUsd.signum() < 0 || usdPer1kRecords.signum() < 0 || reserveRecords < 0) {
      throw new IllegalArgumentException("budget figures must not be negative");
    }
  }

  public BigDecimal costOf(long records) {
    return usdPer1kRecords
        .multiply(BigDecimal.valueOf(records))
        .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
  }

  public BigDecimal reservation() {
    return costOf(reserveRecords);
  }
}
