package io.trawl.workflows.market;

import java.util.Map;

/**
 * The fixed Bloomberg ↔ Yahoo tables behind {@link MarketSymbol} (PROVIDERS.md §4). A row is added
 * only when both names are known to denote the same instrument.
 */
final class SymbolTables {
  static final String CURRENCY = "CUR";
  static final String COMMODITY = "COM";
  static final String INDEX = "IND";

  /** Bloomberg equity exchange code → Yahoo suffix; {@code US} has none. */
  static final Map<String, String> EXCHANGE_SUFFIXES =
      Map.of(
          "US", "",
          "LN", "L",
          "GR", "DE",
          "FP", "PA",
          "CN", "TO",
          "AU", "AX",
          "JP", "T",
          "HK", "HK");

  /** Bloomberg index ticker → Yahoo index symbol. */
  static final Map<String, String> INDICES =
      Map.ofEntries(
          Map.entry("SPX", "^GSPC"),
          Map.entry("INDU", "^DJI"),
          Map.entry("CCMP", "^IXIC"),
          Map.entry("RTY", "^RUT"),
          Map.entry("VIX", "^VIX"),
          Map.entry("UKX", "^FTSE"),
          Map.entry("DAX", "^GDAXI"),
          Map.entry("CAC", "^FCHI"),
          Map.entry("SX5E", "^STOXX50E"),
          Map.entry("NKY", "^N225"),
          Map.entry("HSI", "^HSI"),
          Map.entry("SPTSX", "^GSPTSE"),
          Map.entry("AS51", "^AXJO"));

  /**
   * Bloomberg generic first-month future → Yahoo's continuous-contract root ({@code GC1} → {@code
   * GC}, then {@code =F}); Brent and gasoline have different roots on the two sites.
   */
  static final Map<String, String> FUTURES =
      Map.ofEntries(
          Map.entry("GC1", "GC"),
          Map.entry("SI1", "SI"),
          Map.entry("HG1", "HG"),
          Map.entry("PL1", "PL"),
          Map.entry("PA1", "PA"),
          Map.entry("CL1", "CL"),
          Map.entry("CO1", "BZ"),
          Map.entry("NG1", "NG"),
          Map.entry("HO1", "HO"),
          Map.entry("XB1", "RB"));

  /** Bloomberg's three-letter coin codes in {@code :CUR} pairs → Yahoo's coin codes. */
  static final Map<String, String> CRYPTO_TO_YAHOO = Map.of("XBT", "BTC", "XET", "ETH");

  private SymbolTables() {}

  /** The key whose value is {@code value}; refused when no row has it. */
  static String key(Map<String, String> table, String value) {
    for (Map.Entry<String, String> row : table.entrySet()) {
      if (row.getValue().equals(value)) {
        return row.getKey();
      }
    }
    throw new IllegalArgumentException("no row for " + value);
  }
}
