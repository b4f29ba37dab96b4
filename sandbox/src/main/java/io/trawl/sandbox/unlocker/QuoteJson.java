package io.trawl.sandbox.unlocker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Tick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Bloomberg's {@code props.pageProps.quote} and {@code tickerbar} objects, with the field types a
 * real capture has (PROVIDERS.md §5): prices, volume and market cap as display strings, the day's
 * change and range as numbers.
 */
final class QuoteJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TICKERBAR =
      List.of("SPX:IND", "INDU:IND", "CCMP:IND", "UKX:IND", "EURUSD:CUR", "GC1:COM", "CL1:COM");
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private QuoteJson() {}

  static ObjectNode quote(Instrument instrument, Instant now) {
    Tick tick = PriceModel.tick(instrument, now);
    int decimals = instrument.decimals();
    ObjectNode quote = NODES.objectNode();
    quote
        .put("id", instrument.bloomberg())
        .put("ticker", instrument.bloomberg().substring(0, instrument.bloomberg().indexOf(':')))
        .put("name", instrument.name())
        .put("shortName", instrument.name())
        .put("type", bloombergType(instrument))
        .put("primaryExchange", instrument.venue().bloombergExchange())
        .put("exchangeDelay", "15 Minutes")
        .put("issuedCurrency", instrument.currency())
        .put("price", grouped(tick.price(), decimals))
        .put("priceChange1Day", round(tick.change(), decimals))
        .put("percentChange1Day", round(tick.changePercent(), 6))
        .put("openPrice", grouped(tick.open(), decimals))
        .put("prevClose", grouped(tick.previousClose(), decimals))
        .put("previousClosingPriceOneTradingDayAgo", tick.previousClose())
        .put("lowPrice", tick.dayLow())
        .put("highPrice", tick.dayHigh());
    ArrayNode dayRange = quote.putArray("dayRange");
    dayRange.add(grouped(tick.dayLow(), decimals)).add(grouped(tick.dayHigh(), decimals));
    double low52 = round(instrument.basePrice() * 0.93, decimals);
    double high52 = round(instrument.basePrice() * 1.06, decimals);
    quote.put("lowPrice52Week", low52).put("highPrice52Week", high52);
    quote
        .putArray("fiftyTwoWeekRange")
        .add(grouped(low52, decimals))
        .add(grouped(high52, decimals));
    if (instrument.averageVolume() > 0) {
      quote.put("volume", grouped(tick.volume(), 2));
    }
    if (instrument.sharesOutstanding() > 0) {
      double cap = tick.price() * instrument.sharesOutstanding();
      if (instrument.currency().equals("GBp")) {
        cap /= 100;
      }
      quote
          .put("marketCap", suffixed(cap))
          .put("sharesOutstanding", suffixed(instrument.sharesOutstanding()));
      quote.put("dividend", "0.40%");
    }
    quote
        .put("marketStatus", status(tick))
        .put("isOpen", tick.phase() == io.trawl.sandbox.market.MarketPhase.OPEN)
        .put("isAfterHours", tick.phase() == io.trawl.sandbox.market.MarketPhase.POST_MARKET)
        .put("lastUpdate", ISO_MILLIS.format(tick.lastTrade().truncatedTo(ChronoUnit.MINUTES)))
        .put("lastUpdateEpoch", String.valueOf(tick.lastTrade().getEpochSecond() * 1000));
    return quote;
  }

  /** Other instruments' prices, shown in the page's ticker bar: a decoy for careless parsers. */
  static ArrayNode tickerbar(Instant now) {
    ArrayNode items = NODES.arrayNode();
    for (String id : TICKERBAR) {
      Instrument instrument = Instruments.byBloomberg(id).orElseThrow();
      Tick tick = PriceModel.tick(instrument, now);
      items
          .addObject()
          .put("ticker", id)
          .put("name", instrument.name())
          .put("price", grouped(tick.price(), instrument.decimals()))
          .put("priceChange1Day", round(tick.change(), instrument.decimals()))
          .put("percentChange1Day", round(tick.changePercent(), 6));
    }
    return items;
  }

  /** Bloomberg's {@code type} field: EQT for shares, else the market sector. */
  private static String bloombergType(Instrument instrument) {
    return switch (instrument.type()) {
      case "EQUITY" -> "EQT";
      case "ETF" -> "ETP";
      case "INDEX" -> "IND";
      case "FUTURE" -> "CMD";
      default -> "CUR";
    };
  }

  private static String status(Tick tick) {
    return switch (tick.phase()) {
      case OPEN -> "ACTV";
      case PRE_MARKET -> "PRE";
      case POST_MARKET -> "POST";
      case CLOSED -> "CLSD";
    };
  }

  static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code 49,462.10}: thousands separators and fixed decimals, as the page prints. */
  static String grouped(double value, int decimals) {
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.US));
    return format.format(value);
  }

  /** {@code 3.877T}, {@code 14.776B}, {@code 52.3M}, {@code 812.5K}. */
  static String suffixed(double value) {
    String[] suffixes = {"T", "B", "M", "K"};
    double[] scales = {1e12, 1e9, 1e6, 1e3};
    for (int i = 0; i < scales.length; i++) {
      if (Math.abs(value) >= scales[i]) {
        return BigDecimal.valueOf(value / scales[i])
                .setScale(3, RoundingMode.HALF_UP)
                .toPlainString()
            + suffixes[i];
      }
    }
    return grouped(value, 2);
  }
}
