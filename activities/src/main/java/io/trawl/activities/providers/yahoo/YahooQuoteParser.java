package io.trawl.activities.providers.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.QuoteUnavailableException.Reason;
import io.trawl.workflows.market.CurrencyUnits;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives one {@link Quote} from a Yahoo chart answer as yfinance does (PROVIDERS.md §6).
 *
 * <p>Price: {@code meta.regularMarketPrice}, else the last non-null close. Previous close: {@code
 * meta.previousClose} (sent for {@code range=1d}), else the second-to-last close of a daily series;
 * never {@code meta.chartPreviousClose}, which is the close before the range began (five sessions
 * back for {@code range=5d}): taking the day's change from it was the original crawler's bug. Bars
 * with null closes are dropped. {@code GBp}, {@code ZAc} and {@code ILA} amounts are divided by 100
 * and reported as GBP, ZAR and ILS. The as-of time is {@code meta.regularMarketTime}.
 */
public final class YahooQuoteParser {
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param clock for each quote's {@code fetchedAt} and the market status
   */
  public YahooQuoteParser(Clock clock) {
    this.clock = clock;
  }

  /** {@link #parse(MarketSymbol, JsonNode)} for the answer's text. */
  public Quote parse(MarketSymbol symbol, String chartJson) {
    try {
      return parse(symbol, json.readTree(chartJson == null ? "" : chartJson));
    } catch (JsonProcessingException e) {
      throw unavailable(
          symbol, Reason.MALFORMED, "the chart is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The quote in a {@code {"chart":{"result":[…]}}} document, or a {@link
   * QuoteUnavailableException}.
   */
  public Quote parse(MarketSymbol symbol, JsonNode chart) {
    try {
      return quote(symbol, chart);
    } catch (QuoteUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // A field shaped like nothing seen before (a currency "usd dollars", a time past the year
      // 1e9) must still end as a typed failure.
      throw unavailable(
          symbol, Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Quote quote(MarketSymbol symbol, JsonNode chart) {
    JsonNode result = chart == null ? null : chart.at("/chart/result/0");
    if (result == null || !result.isObject() || !result.path("meta").isObject()) {
      throw unavailable(symbol, Reason.NO_QUOTE, "the chart has no result");
    }
    JsonNode meta = result.get("meta");
    String answered = meta.path("symbol").asText("");
    if (!answered.isEmpty() && !answered.equalsIgnoreCase(symbol.yahoo())) {
      throw unavailable(symbol, Reason.SYMBOL_MISMATCH, "the chart is for \"" + answered + "\"");
    }
    Instant now = clock.instant();
    List<Bar> bars = bars(result);
    String currency = meta.path("currency").asText(null);
    BigDecimal price = positive(meta.get("regularMarketPrice"));
    if (price == null && !bars.isEmpty()) {
      price = bars.get(bars.size() - 1).close();
    }
    if (price == null) {
      throw unavailable(symbol, Reason.NO_PRICE, "no regularMarketPrice and no close");
    }
    Instant asOf = asOf(meta, bars);
    if (asOf == null) {
      throw unavailable(symbol, Reason.NO_PRICE, "no regularMarketTime and no bar time");
    }
    BigDecimal previousClose = previousClose(meta, bars);
    BigDecimal change = previousClose == null ? null : price.subtract(previousClose);
    return new Quote(
        symbol.bloomberg(),
        name(meta),
        CurrencyUnits.toMajor(currency, price),
        CurrencyUnits.majorCode(currency),
        CurrencyUnits.toMajor(currency, change),
        Quote.percentOf(change, previousClose),
        volume(meta.get("regularMarketVolume")),
        CurrencyUnits.toMajor(currency, positive(meta.get("regularMarketDayHigh"))),
        CurrencyUnits.toMajor(currency, positive(meta.get("regularMarketDayLow"))),
        CurrencyUnits.toMajor(currency, previousClose),
        status(meta.get("currentTradingPeriod"), now),
        asOf,
        QuoteSource.YAHOO,
        BigDecimal.ZERO,
        now);
  }

  /** A bar with a close; bars whose close is null are dropped. */
  private record Bar(long timestamp, BigDecimal close) {}

  private static List<Bar> bars(JsonNode result) {
    JsonNode timestamps = result.path("timestamp");
    JsonNode closes = result.at("/indicators/quote/0/close");
    List<Bar> bars = new ArrayList<>();
    if (!timestamps.isArray() || !closes.isArray()) {
      return bars;
    }
    for (int i = 0; i < Math.min(timestamps.size(), closes.size()); i++) {
      BigDecimal close = positive(closes.get(i));
      if (close != null && timestamps.get(i).canConvertToLong()) {
        bars.add(new Bar(timestamps.get(i).asLong(), close));
      }
    }
    return bars;
  }

  /** {@code previousClose}, else the second-to-last close of a daily series, else unknown. */
  private static BigDecimal previousClose(JsonNode meta, List<Bar> bars) {
    BigDecimal sent = positive(meta.get("previousClose"));
    if (sent != null) {
      return sent;
    }
    boolean daily = "1d".equals(meta.path("dataGranularity").asText("1d"));
    return daily && bars.size() >= 2 ? bars.get(bars.size() - 2).close() : null;
  }

  private static Instant asOf(JsonNode meta, List<Bar> bars) {
    JsonNode time = meta.get("regularMarketTime");
    if (time != null && time.canConvertToLong() && time.asLong() > 0) {
      return Instant.ofEpochSecond(time.asLong());
    }
    return bars.isEmpty() ? null : Instant.ofEpochSecond(bars.get(bars.size() - 1).timestamp());
  }

  /** From {@code currentTradingPeriod}'s pre/regular/post windows; unknown without them. */
  static MarketStatus status(JsonNode periods, Instant now) {
    if (periods == null || !periods.isObject()) {
      return MarketStatus.UNKNOWN;
    }
    long at = now.getEpochSecond();
    if (within(periods.get("regular"), at)) {
      return MarketStatus.OPEN;
    }
    if (within(periods.get("pre"), at)) {
      return MarketStatus.PRE_MARKET;
    }
    if (within(periods.get("post"), at)) {
      return MarketStatus.POST_MARKET;
    }
    return MarketStatus.CLOSED;
  }

  private static boolean within(JsonNode period, long at) {
    return period != null
        && period.path("start").canConvertToLong()
        && period.path("end").canConvertToLong()
        && period.path("start").asLong() <= at
        && at < period.path("end").asLong();
  }

  private static String name(JsonNode meta) {
    String longName = meta.path("longName").asText("");
    return longName.isBlank() ? meta.path("shortName").asText(null) : longName;
  }

  private static BigDecimal positive(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    BigDecimal value = node.decimalValue();
    return value.signum() > 0 ? value : null;
  }

  private static Long volume(JsonNode node) {
    return node != null && node.canConvertToLong() && node.asLong() >= 0 ? node.asLong() : null;
  }

  private static QuoteUnavailableException unavailable(
      MarketSymbol symbol, Reason reason, String detail) {
    return new QuoteUnavailableException(QuoteSource.YAHOO, symbol.bloomberg(), reason, detail);
  }
}
