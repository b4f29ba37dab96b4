package io.trawl.workflows.market;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Sub-unit currency codes some exchanges quote in, and the major currency they belong to.
 *
 * <p>London prices come as {@code GBp} (pence), Johannesburg as {@code ZAc} (cents), Tel Aviv as
 * {@code ILA} (agorot): one hundredth of GBP, ZAR and ILS. A {@link Quote} always carries the major
 * unit, so a price of 7,250 GBp is stored as 72.50 GBP.
 */
public final class CurrencyUnits {
  private static final Map<String, String> MAJOR_OF_SUB_UNIT =
      Map.of("GBp", "GBP", "GBX", "GBP", "ZAc", "ZAR", "ZAC", "ZAR", "ILA", "ILS");

  private CurrencyUnits() {}

  /** True for a code whose amounts are hundredths of {@link #majorCode(String)}. */
  public static boolean isSubUnit(String code) {
    return code != null && MAJOR_OF_SUB_UNIT.containsKey(code.strip());
  }

  /**
   * The major currency for {@code code}: {@code GBp} → {@code GBP}; any other code upper-cased as
   * it is; null stays null.
   */
  public static String majorCode(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String stripped = code.strip();
    String major = MAJOR_OF_SUB_UNIT.get(stripped);
    return major != null ? major : stripped.toUpperCase(java.util.Locale.ROOT);
  }

  /** {@code amount} in the major unit: divided by 100 for a sub-unit code; null stays null. */
  public static BigDecimal toMajor(String code, BigDecimal amount) {
    if (amount == null || !isSubUnit(code)) {
      return amount;
    }
    return amount.movePointLeft(2);
  }
}
