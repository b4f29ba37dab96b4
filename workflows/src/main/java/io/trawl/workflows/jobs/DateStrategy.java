package io.trawl.workflows.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Chooses the narrowest date range that still covers everything since the last completed run, so
 * a run pays only for postings it has not seen (the original's {@code determine_date_range}).
 *
 * <p>Pure: callers pass the clock reading, so the same inputs always give the same choice.
 */
public final class DateStrategy {
  private static final Duration ONE_DAY = Duration.ofDays(1);
  private static final Duration ONE_WEEK = Duration.ofDays(7);

  private DateStrategy() {}

  /**
   * @param lastCompleted when the last completed run of this (query, location) started; null if none
   * @param now the current time
   * @param lookbackOverride a manual lookback in days, or null
   */
  public static DateRangeChoice choose(Instant lastCompleted, Instant now, Integer lookbackOverride) {
    if (lookbackOverride != null) {
      DateRange range = mapLookback(lookbackOverride);
      return new DateRangeChoice(
          range, lookbackOverride, "manual lookback of " + lookbackOverride + " day(s)");
    }
    if (lastCompleted == null) {
      return new DateRangeChoice(
          DateRange.PAST_MONTH, 30, "first run for this search: fetching the past month");
    }
    Duration age = Duration.between(lastCompleted, now);
    String ago = RunAge.describeLastCompleted(age);
    if (age.compareTo(ONE_DAY) <= 0) {
      return new DateRangeChoice(DateRange.PAST_24_HOURS, 1, ago + " (<= 1 day)");
    }
    if (age.compareTo(ONE_WEEK) <= 0) {
      return new DateRangeChoice(DateRange.PAST_WEEK, 7, ago + " (<= 7 days)");
    }
    return new DateRangeChoice(DateRange.PAST_MONTH, 30, ago + " (> 7 days)");
  }

  /** Maps a lookback in days to the smallest provider range covering it. */
  public static DateRange mapLookback(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("lookback days must be 1 or more, got " + days);
    }
    if (days == 1) {
      return DateRange.PAST_24_HOURS;
    }
    if (days <= 7) {
      return DateRange.PAST_WEEK;
    }
    if (days <= 30) {
      return DateRange.PAST_MONTH;
    }
    return DateRange.ANY_TIME;
  }
}
