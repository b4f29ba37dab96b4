package io.trawl.activities.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Where one scope's daily budget stands.
 *
 * @param scope what the budget covers, e.g. {@code brightdata} or {@code brightdata-sandbox}
 * @param provider the provider the scope pays, e.g. {@code brightdata}
 * @param mode {@code real} or {@code sandbox}
 * @param day the calendar day in the budget's zone
 * @param limitUsd the day's limit
 * @param settledUsd what settled runs cost
 * @param reservedUsd what runs still in flight hold back
 */
public record BudgetStatus(
    String scope,
    String provider,
    String mode,
    LocalDate day,
    BigDecimal limitUsd,
    BigDecimal settledUsd,
    BigDecimal reservedUsd) {

  /** The share at which a warning goes out (the "budget >= 80 %"). */
  public static final double WARNING_RATIO = 0.8;

  /** Settled plus reserved: what the day can no longer give to a new run. */
  public BigDecimal committedUsd() {
    return settledUsd.add(reservedUsd);
  }

  public BigDecimal remainingUsd() {
    return limitUsd.subtract(committedUsd()).max(BigDecimal.ZERO);
  }

  /** Committed over limit; 1 when the limit is zero. */
  public double usedRatio() {
    if (limitUsd.signum() == 0) {
      return 1.0;
    }
    return committedUsd().divide(limitUsd, 6, RoundingMode.HALF_UP).doubleValue();
  }

  public boolean atWarning() {
    return usedRatio() >= WARNING_RATIO;
  }

  /** e.g. "$1.72 of $50.00 (3.4 %) on 2026-12-04". */
  public String describe() {
    return usd(committedUsd())
        + " of "
        + usd(limitUsd)
        + String.format(java.util.Locale.ROOT, " (%.1f %%)", usedRatio() * 100)
        + " on "
        + day;
  }

  public static String usd(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
