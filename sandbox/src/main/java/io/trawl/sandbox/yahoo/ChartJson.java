package io.trawl.sandbox.yahoo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Tick;
import io.trawl.sandbox.market.Venue;
import io.trawl.sandbox.yahoo.ChartSeries.Bar;
import io.trawl.sandbox.yahoo.ChartSeries.Series;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Renders Yahoo's {@code /v8/finance/chart} answers (PROVIDERS.md §4). */
final class ChartJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChartJson() {}

  /**
   * {@code {"chart":{"result":[{meta, timestamp, indicators}],"error":null}}}; {@code metaOnly}
   * leaves out {@code timestamp} and {@code indicators}, as Yahoo does for ranges without trades.
   */
  static ObjectNode chart(
      Instrument instrument, Instant now, ChartSpec spec, Series series, boolean metaOnly) {
    ObjectNode result = NODES.objectNode();
    result.set("meta", meta(instrument, now, spec, series));
    if (!metaOnly && !series.bars().isEmpty()) {
      ArrayNode timestamps = result.putArray("timestamp");
      series.bars().forEach(bar -> timestamps.add(bar.timestamp()));
      ObjectNode indicators = result.putObject("indicators");
      ObjectNode quote = indicators.putArray("quote").addObject();
      column(quote.putArray("open"), series.bars(), Bar::open);
      column(quote.putArray("high"), series.bars(), Bar::high);
      column(quote.putArray("low"), series.bars(), Bar::low);
      column(quote.putArray("close"), series.bars(), Bar::close);
      ArrayNode volume = quote.putArray("volume");
      series.bars().forEach(bar -> addOrNull(volume, bar.volume()));
      if (!spec.intraday()) {
        column(
            indicators.putArray("adjclose").addObject().putArray("adjclose"),
            series.bars(),
            Bar::close);
      }
    }
    ObjectNode root = NODES.objectNode();
    ObjectNode chart = root.putObject("chart");
    chart.putArray("result").add(result);
    chart.putNull("error");
    return root;
  }

  /** {@code {"chart":{"result":null,"error":{"code":…,"description":…}}}}. */
  static ObjectNode error(String code, String description) {
    ObjectNode root = NODES.objectNode();
    ObjectNode chart = root.putObject("chart");
    chart.putNull("result");
    chart.putObject("error").put("code", code).put("description", description);
    return root;
  }

  private static ObjectNode meta(Instrument instrument, Instant now, ChartSpec spec, Series s) {
    Tick tick = PriceModel.tick(instrument, now);
    ObjectNode meta = NODES.objectNode();
    meta.put("currency", instrument.currency())
        .put("symbol", instrument.yahoo())
        .put("exchangeName", instrument.venue().yahooExchange())
        .put("fullExchangeName", instrument.venue().bloombergExchange())
        .put("instrumentType", instrument.type())
        .put("firstTradeDate", 345479400L)
        .put("regularMarketTime", tick.lastTrade().getEpochSecond())
        .put("hasPrePostMarketData", instrument.type().equals("EQUITY"))
        .put("gmtoffset", 0)
        .put("timezone", "UTC")
        .put("exchangeTimezoneName", instrument.venue().timezone())
        .put("regularMarketPrice", tick.price())
        .put("regularMarketDayHigh", tick.dayHigh())
        .put("regularMarketDayLow", tick.dayLow())
        .put("regularMarketVolume", tick.volume())
        .put("longName", instrument.name())
        .put("shortName", instrument.name())
        .put("chartPreviousClose", s.chartPreviousClose());
    // Yahoo sends previousClose only for range=1d; other ranges have chartPreviousClose alone.
    if (spec.range().equals("1d")) {
      meta.put("previousClose", tick.previousClose());
    }
    tradingPeriod(meta.putObject("currentTradingPeriod"), instrument, tick);
    meta.put("scale", 3)
        .put("priceHint", instrument.decimals())
        .put("dataGranularity", spec.interval())
        .put("range", spec.range());
    ArrayNode ranges = meta.putArray("validRanges");
    ChartSpec.RANGES.forEach(ranges::add);
    return meta;
  }

  /**
   * Today's pre-market, regular and post-market windows (epoch seconds), or those of the last
   * session when the venue does not trade today, as Yahoo's {@code currentTradingPeriod}.
   */
  private static void tradingPeriod(ObjectNode period, Instrument instrument, Tick tick) {
    Venue venue = instrument.venue();
    long day = Math.floorDiv(tick.lastTrade().getEpochSecond(), 86_400);
    long open = PriceModel.openMinute(venue, day) * 60;
    long close = PriceModel.closeMinute(venue, day) * 60;
    long pre = venue.roundTheClock() ? open : open - PriceModel.PRE_MARKET_MINUTES * 60L;
    long post = venue.roundTheClock() ? close : close + PriceModel.POST_MARKET_MINUTES * 60L;
    window(period.putObject("pre"), pre, open);
    window(period.putObject("regular"), open, close);
    window(period.putObject("post"), close, post);
  }

  private static void window(ObjectNode node, long start, long end) {
    node.put("timezone", "UTC").put("start", start).put("end", end).put("gmtoffset", 0);
  }

  private static void column(ArrayNode array, List<Bar> bars, Function<Bar, Double> field) {
    bars.forEach(bar -> addOrNull(array, field.apply(bar)));
  }

  private static void addOrNull(ArrayNode array, Number value) {
    if (value == null) {
      array.addNull();
    } else if (value instanceof Long l) {
      array.add(l);
    } else {
      array.add(value.doubleValue());
    }
  }
}
