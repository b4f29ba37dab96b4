package io.trawl.sandbox.yahoo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A chart request's {@code range} and {@code interval}, checked the way Yahoo checks them.
 *
 * @param range as asked ({@code 5d}); Yahoo's default {@code 1mo} when absent
 * @param interval as asked ({@code 1d}); Yahoo's default {@code 1d} when absent
 * @param barMinutes minutes per intraday bar, or 0 for daily and longer bars
 * @param sessionsPerBar trading sessions per bar for daily and longer bars (1d = 1, 1wk = 5)
 */
record ChartSpec(String range, String interval, int barMinutes, int sessionsPerBar) {
  static final List<String> RANGES =
      List.of("1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max");
  static final List<String> INTERVALS =
      List.of("1m", "2m", "5m", "15m", "30m", "60m", "90m", "1h", "1d", "5d", "1wk", "1mo", "3mo");
  private static final Map<String, Integer> CALENDAR_DAYS =
      Map.of(
          "1d", 1, "5d", 7, "1mo", 30, "3mo", 91, "6mo", 182, "1y", 365, "2y", 730, "5y", 1826,
          "10y", 3652, "max", 3652);

  /** Why a request cannot be answered: Yahoo's error code and description. */
  static final class Refusal extends Exception {
    final int status;
    final String code;

    Refusal(int status, String code, String description) {
      super(description);
      this.status = status;
      this.code = code;
    }
  }

  static ChartSpec parse(String range, String interval, Instant now) throws Refusal {
    String r = range == null || range.isBlank() ? "1mo" : range;
    String i = interval == null || interval.isBlank() ? "1d" : interval;
    if (!INTERVALS.contains(i)) {
      throw new Refusal(
          400,
          "Bad Request",
          "Invalid input - interval=" + i + " is not supported. Valid intervals: " + INTERVALS);
    }
    if (!RANGES.contains(r)) {
      throw new Refusal(
          400,
          "Bad Request",
          "Invalid input - range=" + r + " is not supported. Valid ranges: " + RANGES);
    }
    ChartSpec spec = new ChartSpec(r, i, barMinutes(i), sessionsPerBar(i));
    spec.checkDepth(now);
    return spec;
  }

  /** Calendar days the range covers back from now. */
  int calendarDays(Instant now) {
    if (range.equals("ytd")) {
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      return today.getDayOfYear();
    }
    return CALENDAR_DAYS.get(range);
  }

  /** The number of sessions a {@code 1d} or {@code 5d} range shows; 0 for calendar ranges. */
  int sessions() {
    return switch (range) {
      case "1d" -> 1;
      case "5d" -> 5;
      default -> 0;
    };
  }

  boolean intraday() {
    return barMinutes > 0;
  }

  private void checkDepth(Instant now) throws Refusal {
    int days = calendarDays(now);
    long end = now.getEpochSecond();
    long start = end - days * 86_400L;
    if (barMinutes == 1 && days > 8) {
      throw new Refusal(
          422,
          "Unprocessable Entity",
          "1m data not available for startTime="
              + start
              + " and endTime="
              + end
              + ". Only 8 days worth of 1m granularity data are allowed to be fetched per"
              + " request.");
    }
    if (barMinutes > 1 && barMinutes < 60 && days > 60 || barMinutes == 90 && days > 60) {
      throw new Refusal(
          422,
          "Unprocessable Entity",
          interval
              + " data not available for startTime="
              + start
              + " and endTime="
              + end
              + ". The requested range must be within the last 60 days.");
    }
    if (barMinutes == 60 && days > 730) {
      throw new Refusal(
          422,
          "Unprocessable Entity",
          "1h data not available for startTime="
              + start
              + " and endTime="
              + end
              + ". The requested range must be within the last 730 days.");
    }
  }

  private static int barMinutes(String interval) {
    return switch (interval) {
      case "1m" -> 1;
      case "2m" -> 2;
      case "5m" -> 5;
      case "15m" -> 15;
      case "30m" -> 30;
      case "60m", "1h" -> 60;
      case "90m" -> 90;
      default -> 0;
    };
  }

  private static int sessionsPerBar(String interval) {
    return switch (interval) {
      case "5d", "1wk" -> 5;
      case "1mo" -> 21;
      case "3mo" -> 63;
      default -> 1;
    };
  }
}
