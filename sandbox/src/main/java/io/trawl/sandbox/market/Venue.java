package io.trawl.sandbox.market;

import java.util.Map;
import java.util.TreeSet;

/**
 * Where an instrument trades and when, in UTC minutes of the day (daylight saving ignored: the
 * sandbox needs sessions that open and close, not a calendar).
 *
 * @param yahooExchange Yahoo's {@code meta.exchangeName}
 * @param bloombergExchange Bloomberg's {@code primaryExchange}
 * @param timezone Yahoo's {@code meta.exchangeTimezoneName}
 * @param openMinute first minute of the session, UTC
 * @param closeMinute the session's closing minute, UTC (the close prints then)
 * @param weekends true when the venue trades Saturday and Sunday too (crypto)
 */
public record Venue(
    String yahooExchange,
    String bloombergExchange,
    String timezone,
    int openMinute,
    int closeMinute,
    boolean weekends) {
  public static final Venue NASDAQ =
      new Venue("NMS", "NASDAQ GS", "America/New_York", 14 * 60 + 30, 21 * 60, false);
  public static final Venue NYSE =
      new Venue("NYQ", "New York", "America/New_York", 14 * 60 + 30, 21 * 60, false);
  public static final Venue LONDON =
      new Venue("LSE", "London", "Europe/London", 8 * 60, 16 * 60 + 30, false);
  public static final Venue XETRA =
      new Venue("GER", "Xetra", "Europe/Berlin", 8 * 60, 16 * 60 + 30, false);
  public static final Venue PARIS =
      new Venue("PAR", "EN Paris", "Europe/Paris", 8 * 60, 16 * 60 + 30, false);
  public static final Venue TORONTO =
      new Venue("TOR", "Toronto", "America/Toronto", 14 * 60 + 30, 21 * 60, false);
  public static final Venue SYDNEY = new Venue("ASX", "ASX", "Australia/Sydney", 0, 6 * 60, false);
  public static final Venue TOKYO = new Venue("JPX", "Tokyo", "Asia/Tokyo", 0, 6 * 60, false);
  public static final Venue HONG_KONG =
      new Venue("HKG", "Hong Kong", "Asia/Hong_Kong", 90, 8 * 60, false);
  public static final Venue FX = new Venue("CCY", "FX", "Europe/London", 0, 23 * 60 + 59, false);
  public static final Venue CRYPTO = new Venue("CCC", "Crypto", "UTC", 0, 23 * 60 + 59, true);
  public static final Venue COMEX =
      new Venue("CMX", "Comex", "America/New_York", 0, 23 * 60 + 59, false);
  public static final Venue NYMEX =
      new Venue("NYM", "NYMEX", "America/New_York", 0, 23 * 60 + 59, false);

  private static final Map<String, Venue> BY_NAME =
      Map.ofEntries(
          Map.entry("NASDAQ", NASDAQ),
          Map.entry("NYSE", NYSE),
          Map.entry("LONDON", LONDON),
          Map.entry("XETRA", XETRA),
          Map.entry("PARIS", PARIS),
          Map.entry("TORONTO", TORONTO),
          Map.entry("SYDNEY", SYDNEY),
          Map.entry("TOKYO", TOKYO),
          Map.entry("HONG_KONG", HONG_KONG),
          Map.entry("FX", FX),
          Map.entry("CRYPTO", CRYPTO),
          Map.entry("COMEX", COMEX),
          Map.entry("NYMEX", NYMEX));

  /** The venue constant called {@code name} ({@code NASDAQ}, {@code HONG_KONG}). */
  public static Venue named(String name) {
    Venue venue = BY_NAME.get(name);
    if (venue == null) {
      throw new IllegalArgumentException(
          "unknown venue " + name + "; known: " + new TreeSet<>(BY_NAME.keySet()));
    }
    return venue;
  }

  /** True on days the venue trades; {@code epochDay} counts UTC days from 1970-01-01. */
  public boolean tradesOn(long epochDay) {
    // 1970-01-01 was a Thursday: day % 7 == 2 is Saturday, 3 is Sunday.
    long weekday = Math.floorMod(epochDay, 7);
    return weekends || (weekday != 2 && weekday != 3);
  }

  /** True when the session runs round the clock on its days (currencies, crypto, futures). */
  public boolean roundTheClock() {
    return openMinute == 0 && closeMinute == 23 * 60 + 59;
  }
}
