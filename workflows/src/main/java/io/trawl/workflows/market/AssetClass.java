package io.trawl.workflows.market;

import java.util.Locale;

/**
 * What kind of instrument a symbol names, as the original crawler classified them.
 *
 * <p>{@link MarketSymbol} infers one from the Bloomberg exchange code; an ETF or a bond listed on
 * an equity exchange looks like a stock there, so those classes only come from configuration.
 */
public enum AssetClass {
  STOCKS,
  FOREX,
  COMMODITIES,
  BONDS,
  CRYPTO,
  INDICES,
  ETF,
  FUTURES,
  OPTIONS;

  /** The lower-case name used in {@code trawl.yaml}, the database and the CLI ({@code stocks}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class named {@code text} in any case; an unknown name names the allowed ones. */
  public static AssetClass fromWireName(String text) {
    for (AssetClass value : values()) {
      if (value.wireName().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown asset class \""
            + text
            + "\"; expected one of stocks, forex, commodities, bonds, crypto, indices, etf,"
            + " futures, options");
  }
}
