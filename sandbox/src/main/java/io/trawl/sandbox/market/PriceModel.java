package io.trawl.sandbox.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Deterministic prices that move with the clock: the same instrument at the same minute has the
 * same price in every sandbox and every run, so the Bloomberg and Yahoo fakes agree with each other
 * and a test can compute what either should say.
 *
 * <p>A price is the instrument's base level times a sum of slow and fast waves whose phases come
 * from the instrument's id, rounded to its decimals; it stays within ±4.5 % of the base. Outside
 * its venue's session the price stands at the last close.
 */
public final class PriceModel {
  static final int MINUTES_PER_DAY = 24 * 60;

  /** Pre-market runs this long before a session's open. */
  public static final int PRE_MARKET_MINUTES = 90;

  /** Post-market runs this long after a session's close. */
  public static final int POST_MARKET_MINUTES = 240;

  private PriceModel() {}

  /** The instrument as it stands at {@code now}. */
  public static Tick tick(Instrument instrument, Instant now) {
    Venue venue = instrument.venue();
    long last = lastTradeMinute(instrument, now);
    long day = Math.floorDiv(last, MINUTES_PER_DAY);
    long open = day * MINUTES_PER_DAY + venue.openMinute();
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    for (long minute = open; minute <= last; minute++) {
      double price = priceAt(instrument, minute);
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    return new Tick(
        instrument,
        Instant.ofEpochSecond(last * 60),
        priceAt(instrument, last),
        sessionClose(instrument, previousTradingDay(venue, day)),
        priceAt(instrument, open),
        high,
        low,
        volumeSoFar(instrument, day, last - open),
        phase(venue, now));
  }

  /** The price printed in {@code epochMinute}, whether or not the venue traded then. */
  public static double priceAt(Instrument instrument, long epochMinute) {
    long seed = seed(instrument.bloomberg());
    double slow =
        0.030 * Math.sin(2 * Math.PI * epochMinute / (MINUTES_PER_DAY * 23.0) + phase(seed, 0));
    double daily =
        0.012 * Math.sin(2 * Math.PI * epochMinute / (MINUTES_PER_DAY * 3.7) + phase(seed, 1));
    double fast = 0.003 * Math.sin(2 * Math.PI * epochMinute / 47.0 + phase(seed, 2));
    double raw = instrument.basePrice() * (1 + slow + daily + fast);
    return BigDecimal.valueOf(raw)
        .setScale(instrument.decimals(), RoundingMode.HALF_UP)
        .doubleValue();
  }

  /**
   * The last minute with a trade at or before {@code now}: now in a session, else the last close.
   */
  public static long lastTradeMinute(Instrument instrument, Instant now) {
    Venue venue = instrument.venue();
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    long day = Math.floorDiv(minute, MINUTES_PER_DAY);
    long minuteOfDay = minute - day * MINUTES_PER_DAY;
    if (venue.tradesOn(day) && minuteOfDay >= venue.openMinute()) {
      return day * MINUTES_PER_DAY + Math.min(minuteOfDay, venue.closeMinute());
    }
    return closeMinute(venue, previousTradingDay(venue, day));
  }

  /** The closing price of the session on {@code epochDay} (a trading day). */
  public static double sessionClose(Instrument instrument, long epochDay) {
    return priceAt(instrument, closeMinute(instrument.venue(), epochDay));
  }

  /** The latest trading day strictly before {@code epochDay}. */
  public static long previousTradingDay(Venue venue, long epochDay) {
    long day = epochDay - 1;
    while (!venue.tradesOn(day)) {
      day--;
    }
    return day;
  }

  public static long openMinute(Venue venue, long epochDay) {
    return epochDay * MINUTES_PER_DAY + venue.openMinute();
  }

  public static long closeMinute(Venue venue, long epochDay) {
    return epochDay * MINUTES_PER_DAY + venue.closeMinute();
  }

  static MarketPhase phase(Venue venue, Instant now) {
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    long day = Math.floorDiv(minute, MINUTES_PER_DAY);
    long minuteOfDay = minute - day * MINUTES_PER_DAY;
    if (!venue.tradesOn(day)) {
      return MarketPhase.CLOSED;
    }
    if (venue.roundTheClock()) {
      return MarketPhase.OPEN;
    }
    if (minuteOfDay >= venue.openMinute() && minuteOfDay < venue.closeMinute()) {
      return MarketPhase.OPEN;
    }
    if (minuteOfDay < venue.openMinute()
        && venue.openMinute() - minuteOfDay <= PRE_MARKET_MINUTES) {
      return MarketPhase.PRE_MARKET;
    }
    if (minuteOfDay >= venue.closeMinute()
        && minuteOfDay - venue.closeMinute() < POST_MARKET_MINUTES) {
      return MarketPhase.POST_MARKET;
    }
    return MarketPhase.CLOSED;
  }

  private static long volumeSoFar(Instrument instrument, long day, long minutesTraded) {
    if (instrument.averageVolume() == 0) {
      return 0;
    }
    Venue venue = instrument.venue();
    double share = (minutesTraded + 1) / (double) (venue.closeMinute() - venue.openMinute() + 1);
    double dayFactor = 0.8 + 0.4 * unit(seed(instrument.bloomberg()) ^ (day * 0x9E3779B97F4A7C15L));
    return Math.round(instrument.averageVolume() * Math.min(1, share) * dayFactor);
  }

  private static double phase(long seed, int wave) {
    return 2 * Math.PI * unit(seed + wave * 0x632BE59BD9B4E019L);
  }

  /** A number in [0, 1) from a 64-bit value (SplitMix64's finaliser). */
  private static double unit(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static long seed(String id) {
    long hash = 1125899906842597L;
    for (int i = 0; i < id.length(); i++) {
      hash = 31 * hash + id.charAt(i);
    }
    return hash;
  }
}
