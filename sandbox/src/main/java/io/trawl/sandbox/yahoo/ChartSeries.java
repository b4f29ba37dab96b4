package io.trawl.sandbox.yahoo;

import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of one chart: intraday bars through the sessions of the range, or one bar per session
 * (grouped for weekly and longer intervals), all priced by {@link PriceModel}.
 */
final class ChartSeries {
  /** At most this many sessions (about ten years), so {@code range=max} stays small. */
  private static final int MAX_SESSIONS = 2_600;

  private static final int NULL_BAR_ONE_IN = 15;

  /** One bar; every price field null for a bar Yahoo has no data for. */
  record Bar(long timestamp, Double open, Double high, Double low, Double close, Long volume) {}

  /** The bars, and the close before the first of them ({@code meta.chartPreviousClose}). */
  record Series(List<Bar> bars, double chartPreviousClose) {}

  private ChartSeries() {}

  static Series build(Instrument instrument, Instant now, ChartSpec spec, boolean nullBars) {
    long last = PriceModel.lastTradeMinute(instrument, now);
    List<Long> days = sessionDays(instrument.venue(), now, last, spec);
    List<Bar> bars = new ArrayList<>();
    for (long day : days) {
      if (spec.intraday()) {
        addIntradayBars(instrument, day, last, spec.barMinutes(), nullBars, bars);
      } else {
        bars.add(dailyBar(instrument, day, last));
      }
    }
    List<Bar> grouped = spec.intraday() ? bars : group(bars, spec.sessionsPerBar());
    long before = PriceModel.previousTradingDay(instrument.venue(), days.get(0));
    return new Series(grouped, PriceModel.sessionClose(instrument, before));
  }

  /** Trading days covered by the range, oldest first, ending with the last trade's session. */
  private static List<Long> sessionDays(Venue venue, Instant now, long lastMinute, ChartSpec spec) {
    long lastDay = Math.floorDiv(lastMinute, 24 * 60);
    List<Long> days = new ArrayList<>();
    days.add(lastDay);
    long firstAllowed = Math.floorDiv(now.getEpochSecond(), 86_400) - spec.calendarDays(now);
    long day = lastDay;
    while (days.size() < MAX_SESSIONS) {
      if (spec.sessions() > 0 && days.size() >= spec.sessions()) {
        break;
      }
      day = PriceModel.previousTradingDay(venue, day);
      if (spec.sessions() == 0 && day <= firstAllowed) {
        break;
      }
      days.add(0, day);
    }
    return days;
  }

  private static void addIntradayBars(
      Instrument instrument, long day, long last, int step, boolean nullBars, List<Bar> out) {
    Venue venue = instrument.venue();
    long open = PriceModel.openMinute(venue, day);
    long end = Math.min(PriceModel.closeMinute(venue, day), last);
    double perMinute =
        instrument.averageVolume() / (double) (venue.closeMinute() - venue.openMinute() + 1);
    for (long start = open; start <= end; start += step) {
      long stop = Math.min(start + step - 1, end);
      if (nullBars && Math.floorMod(start * 2654435761L, NULL_BAR_ONE_IN) == 0) {
        out.add(new Bar(start * 60, null, null, null, null, null));
        continue;
      }
      double first = PriceModel.priceAt(instrument, start);
      double close = PriceModel.priceAt(instrument, stop);
      double mid = PriceModel.priceAt(instrument, (start + stop) / 2);
      out.add(
          new Bar(
              start * 60,
              first,
              Math.max(first, Math.max(close, mid)),
              Math.min(first, Math.min(close, mid)),
              close,
              Math.round(perMinute * (stop - start + 1))));
    }
  }

  private static Bar dailyBar(Instrument instrument, long day, long last) {
    Venue venue = instrument.venue();
    long open = PriceModel.openMinute(venue, day);
    long end = Math.min(PriceModel.closeMinute(venue, day), last);
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    for (long minute = open; minute < end; minute += 30) {
      double price = PriceModel.priceAt(instrument, minute);
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    double close = PriceModel.priceAt(instrument, end);
    long traded = end - open + 1;
    long sessionMinutes = venue.closeMinute() - venue.openMinute() + 1;
    return new Bar(
        open * 60,
        PriceModel.priceAt(instrument, open),
        Math.max(high, close),
        Math.min(low, close),
        close,
        instrument.averageVolume() * traded / sessionMinutes);
  }

  private static List<Bar> group(List<Bar> daily, int size) {
    if (size == 1) {
      return daily;
    }
    List<Bar> grouped = new ArrayList<>();
    for (int from = 0; from < daily.size(); from += size) {
      List<Bar> chunk = daily.subList(from, Math.min(from + size, daily.size()));
      double high = chunk.stream().mapToDouble(Bar::high).max().orElseThrow();
      double low = chunk.stream().mapToDouble(Bar::low).min().orElseThrow();
      long volume = chunk.stream().mapToLong(Bar::volume).sum();
      Bar first = chunk.get(0);
      Bar last = chunk.get(chunk.size() - 1);
      grouped.add(new Bar(first.timestamp(), first.open(), high, low, last.close(), volume));
    }
    return grouped;
  }
}
