package io.trawl.activities.providers.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.QuoteUnavailableException.Reason;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class YahooQuoteParserTest {
  private static final Instant NOW = Instant.parse("2025-01-10T21:05:00Z");
  private static final MarketSymbol AAPL = MarketSymbol.parse("AAPL:US");

  private final YahooQuoteParser parser = new YahooQuoteParser(Clock.fixed(NOW, ZoneOffset.UTC));

  /** A chart document with {@code meta} fields and a close column (null allowed). */
  private static String chart(String meta, String timestamps, String closes) {
    String series =
        timestamps == null
            ? ""
            : ",\"timestamp\":"
                + timestamps
                + ",\"indicators\":{\"quote\":[{\"close\":"
                + closes
                + "}]}";
    return "{\"chart\":{\"result\":[{\"meta\":{" + meta + "}" + series + "}],\"error\":null}}";
  }

  private QuoteUnavailableException unavailable(String json) {
    return catchThrowableOfType(QuoteUnavailableException.class, () -> parser.parse(AAPL, json));
  }

  @Test
  void changeComesFromTheSecondToLastDailyCloseNotChartPreviousClose() {
    // PROVIDERS.md §6: range=5d&interval=1d, closes [100, 101, 99, 104, 105].
    Quote quote =
        parser.parse(
            AAPL,
            chart(
                "\"currency\":\"USD\",\"symbol\":\"AAPL\",\"regularMarketPrice\":105,"
                    + "\"regularMarketTime\":1736542800,\"chartPreviousClose\":98,"
                    + "\"dataGranularity\":\"1d\",\"range\":\"5d\"",
                "[1736173800,1736260200,1736346600,1736433000,1736519400]",
                "[100,101,99,104,105]"));

    assertThat(quote.price()).isEqualByComparingTo("105");
    assertThat(quote.previousClose()).isEqualByComparingTo("104");
    assertThat(quote.change()).isEqualByComparingTo("1");
    assertThat(quote.changePercent()).isEqualByComparingTo("0.9615");
    assertThat(quote.asOf()).isEqualTo(Instant.ofEpochSecond(1736542800));
    assertThat(quote.source()).isEqualTo(QuoteSource.YAHOO);
    assertThat(quote.costUsd()).isZero();
    assertThat(quote.fetchedAt()).isEqualTo(NOW);
  }

  @Test
  void previousCloseFromMetaWinsWhenYahooSendsIt() {
    Quote quote =
        parser.parse(
            AAPL,
            chart(
                "\"currency\":\"USD\",\"symbol\":\"AAPL\",\"regularMarketPrice\":231.4,"
                    + "\"regularMarketTime\":1736542800,\"chartPreviousClose\":229.9,"
                    + "\"previousClose\":229.9,\"dataGranularity\":\"1m\",\"range\":\"1d\"",
                "[1736519400,1736519460]",
                "[230.1,null]"));

    assertThat(quote.previousClose()).isEqualByComparingTo("229.9");
    assertThat(quote.change()).isEqualByComparingTo("1.5");
    assertThat(quote.changePercent()).isEqualByComparingTo("0.6525");
  }

  @Test
  void intradaySeriesWithoutPreviousCloseLeavesTheChangeUnknown() {
    Quote quote =
        parser.parse(
            AAPL,
            chart(
                "\"currency\":\"USD\",\"symbol\":\"AAPL\",\"regularMarketPrice\":231.4,"
                    + "\"regularMarketTime\":1736542800,\"chartPreviousClose\":225.0,"
                    + "\"dataGranularity\":\"5m\",\"range\":\"5d\"",
                "[1736519400,1736519700,1736520000]",
                "[230.1,230.9,231.4]"));

    assertThat(quote.previousClose()).isNull();
    assertThat(quote.change()).isNull();
    assertThat(quote.changePercent()).isNull();
  }

  @Test
  void nullBarsAreDroppedAndTheLastRealCloseIsThePriceWithoutRegularMarketPrice() {
    Quote quote =
        parser.parse(
            AAPL,
            chart(
                "\"currency\":\"USD\",\"symbol\":\"AAPL\",\"dataGranularity\":\"1d\"",
                "[1736173800,1736260200,1736346600,1736433000,1736519400]",
                "[100,101,null,104,null]"));

    assertThat(quote.price()).isEqualByComparingTo("104");
    assertThat(quote.previousClose()).isEqualByComparingTo("101");
    assertThat(quote.asOf()).isEqualTo(Instant.ofEpochSecond(1736433000));
  }

  @Test
  void metaOnlyResultStillGivesAQuote() {
    Quote quote =
        parser.parse(
            AAPL,
            chart(
                "\"currency\":\"USD\",\"symbol\":\"AAPL\",\"regularMarketPrice\":231.4,"
                    + "\"regularMarketTime\":1736542800,\"previousClose\":229.9,"
                    + "\"longName\":\"Apple Inc.\",\"regularMarketVolume\":41203120,"
                    + "\"regularMarketDayHigh\":232.1,\"regularMarketDayLow\":228.7",
                null,
                null));

    assertThat(quote.price()).isEqualByComparingTo("231.4");
    assertThat(quote.name()).isEqualTo("Apple Inc.");
    assertThat(quote.volume()).isEqualTo(41_203_120L);
    assertThat(quote.dayHigh()).isEqualByComparingTo("232.1");
    assertThat(quote.dayLow()).isEqualByComparingTo("228.7");
    assertThat(quote.change()).isEqualByComparingTo("1.5");
  }

  @Test
  void subUnitCurrenciesAreScaledToTheirMajorUnit() {
    MarketSymbol vod = MarketSymbol.parse("VOD:LN");
    Quote london =
        parser.parse(
            vod,
            chart(
                "\"currency\":\"GBp\",\"symbol\":\"VOD.L\",\"regularMarketPrice\":7250.5,"
                    + "\"regularMarketTime\":1736542800,\"previousClose\":7200",
                null,
                null));

    assertThat(london.currency()).isEqualTo("GBP");
    assertThat(london.price()).isEqualByComparingTo("72.505");
    assertThat(london.previousClose()).isEqualByComparingTo("72.00");
    assertThat(london.change()).isEqualByComparingTo("0.505");
    assertThat(london.changePercent()).isEqualByComparingTo("0.7014");
    for (String[] unit : new String[][] {{"ZAc", "ZAR"}, {"ILA", "ILS"}}) {
      Quote quote =
          parser.parse(
              AAPL,
              chart(
                  "\"currency\":\""
                      + unit[0]
                      + "\",\"regularMarketPrice\":1500,\"regularMarketTime\":1736542800",
                  null,
                  null));
      assertThat(quote.currency()).isEqualTo(unit[1]);
      assertThat(quote.price()).isEqualByComparingTo("15");
    }
  }

  @Test
  void marketStatusComesFromTheCurrentTradingPeriod() {
    String periods =
        "\"currentTradingPeriod\":{\"pre\":{\"start\":%d,\"end\":%d},\"regular\":{\"start\":%d,"
            + "\"end\":%d},\"post\":{\"start\":%d,\"end\":%d}}";
    long now = NOW.getEpochSecond();
    String open =
        periods.formatted(now - 300, now - 200, now - 200, now + 100, now + 100, now + 200);
    String post =
        periods.formatted(now - 300, now - 200, now - 200, now - 100, now - 100, now + 200);
    String closed =
        periods.formatted(now - 300, now - 200, now - 200, now - 100, now - 100, now - 50);
    String base = "\"regularMarketPrice\":1,\"regularMarketTime\":1736542800,";

    assertThat(parser.parse(AAPL, chart(base + open, null, null)).marketStatus())
        .isEqualTo(MarketStatus.OPEN);
    assertThat(parser.parse(AAPL, chart(base + post, null, null)).marketStatus())
        .isEqualTo(MarketStatus.POST_MARKET);
    assertThat(parser.parse(AAPL, chart(base + closed, null, null)).marketStatus())
        .isEqualTo(MarketStatus.CLOSED);
    assertThat(
            parser
                .parse(AAPL, chart("\"regularMarketPrice\":1,\"regularMarketTime\":1", null, null))
                .marketStatus())
        .isEqualTo(MarketStatus.UNKNOWN);
  }

  @Test
  void answersWithoutAQuoteAreTypedFailures() {
    assertThat(
            unavailable(
                    "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                        + "\"description\":\"No data found, symbol may be delisted\"}}}")
                .reason())
        .isEqualTo(Reason.NO_QUOTE);
    assertThat(unavailable("{\"chart\":{\"result\":[]}}").reason()).isEqualTo(Reason.NO_QUOTE);
    assertThat(unavailable("<html>Will be right back</html>").reason()).isEqualTo(Reason.MALFORMED);
    assertThat(unavailable(chart("\"symbol\":\"AAPL\"", null, null)).reason())
        .isEqualTo(Reason.NO_PRICE);
    assertThat(
            unavailable(chart("\"symbol\":\"AAPL\",\"regularMarketPrice\":0", null, null)).reason())
        .isEqualTo(Reason.NO_PRICE);
    assertThat(
            unavailable(chart("\"symbol\":\"AAPL\",\"regularMarketPrice\":5", null, null)).reason())
        .isEqualTo(Reason.NO_PRICE);
  }

  @Test
  void anotherSymbolsChartIsAMismatch() {
    QuoteUnavailableException e =
        unavailable(
            chart(
                "\"symbol\":\"MSFT\",\"regularMarketPrice\":478,\"regularMarketTime\":1",
                null,
                null));

    assertThat(e.reason()).isEqualTo(Reason.SYMBOL_MISMATCH);
    assertThat(e.getMessage())
        .isEqualTo("yahoo gave a quote for another symbol for AAPL:US: the chart is for \"MSFT\"");
  }

  @Test
  void aCurrencyThatIsNoCodeIsAMalformedChartNotAnIllegalArgument() {
    QuoteUnavailableException e =
        unavailable(
            chart(
                "\"currency\":\"N/A\",\"symbol\":\"AAPL\",\"regularMarketPrice\":105,"
                    + "\"regularMarketTime\":1736542800",
                null,
                null));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void aTimePastTheLastInstantIsAMalformedChart() {
    QuoteUnavailableException e =
        unavailable(
            chart(
                "\"currency\":\"USD\",\"regularMarketPrice\":105,"
                    + "\"regularMarketTime\":9223372036854775807",
                null,
                null));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
  }
}
