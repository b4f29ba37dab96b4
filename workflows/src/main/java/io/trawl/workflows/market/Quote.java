package io.trawl.workflows.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One price observation for one symbol, as a source delivered it.
 *
 * <p>Amounts are in the major currency unit (a London price of 7,250 GBp is 72.50 GBP, see {@link
 * CurrencyUnits}). {@code asOf} is when the market printed the price (Bloomberg's {@code
 * lastUpdate}, Yahoo's {@code regularMarketTime}), {@code fetchedAt} when trawl received it: the
 * original crawler confused the two.
 *
 * @param symbol canonical Bloomberg form, upper case ({@code AAPL:US})
 * @param name instrument name; the symbol when the source gave none
 * @param price last price, greater than zero
 * @param currency ISO code of the major unit, or null when the source did not say
 * @param change price minus previous close, or null
 * @param changePercent change as a percentage of the previous close ({@code -1.83} for −1.83 %)
 * @param volume shares or contracts traded in the session, or null
 * @param dayHigh session high, or null
 * @param dayLow session low, or null
 * @param previousClose the previous session's close, or null
 * @param marketStatus open, closed, …; {@link MarketStatus#UNKNOWN} when the source did not say
 * @param asOf when the price was printed
 * @param source where the quote came from
 * @param costUsd what fetching it cost, 0 for free sources and cache hits
 * @param fetchedAt when the source answered
 */
public record Quote(
    String symbol,
    String name,
    BigDecimal price,
    String currency,
    BigDecimal change,
    BigDecimal changePercent,
    Long volume,
    BigDecimal dayHigh,
    BigDecimal dayLow,
    BigDecimal previousClose,
    MarketStatus marketStatus,
    Instant asOf,
    QuoteSource source,
    BigDecimal costUsd,
    Instant fetchedAt) {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int PERCENT_SCALE = 4;

  public Quote {
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("quote symbol is empty");
    }
    if (!symbol.equals(symbol.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("quote symbol must be upper case, got \"" + symbol + "\"");
    }
    if (price == null || price.signum() <= 0) {
      throw new IllegalArgumentException(
          "quote for " + symbol + ": price must be greater than 0, got " + price);
    }
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          "quote for " + symbol + ": currency must be a 3-letter code, got \"" + currency + "\"");
    }
    if (volume != null && volume < 0) {
      throw new IllegalArgumentException(
          "quote for " + symbol + ": volume must be 0 or more, got " + volume);
    }
    if (asOf == null || source == null || fetchedAt == null) {
      throw new IllegalArgumentException(
          "quote for " + symbol + ": asOf, source and fetchedAt are required");
    }
    if (costUsd == null || costUsd.signum() < 0) {
      throw new IllegalArgumentException(
          "quote for " + symbol + ": costUsd must be 0 or more, got " + costUsd);
    }
    name = name == null || name.isBlank() ? symbol : name.strip();
    marketStatus = marketStatus == null ? MarketStatus.UNKNOWN : marketStatus;
    if (changePercent == null && change != null && previousClose != null) {
      changePercent = percentOf(change, previousClose);
    }
  }

  /**
   * {@code change} as a percentage of {@code base}, to four decimals; null when the base is zero or
   * either is missing.
   */
  public static BigDecimal percentOf(BigDecimal change, BigDecimal base) {
    if (change == null || base == null || base.signum() == 0) {
      return null;
    }
    return change
        .multiply(BigDecimal.valueOf(100))
        .divide(base, PERCENT_SCALE, RoundingMode.HALF_EVEN);
  }

  /** The same quote served from another source at another cost, e.g. a cache hit at $0. */
  public Quote servedBy(QuoteSource newSource, BigDecimal newCostUsd, Instant newFetchedAt) {
    return new Quote(
        symbol,
        name,
        price,
        currency,
        change,
        changePercent,
        volume,
        dayHigh,
        dayLow,
        previousClose,
        marketStatus,
        asOf,
        newSource,
        newCostUsd,
        newFetchedAt);
  }
}
