package io.trawl.activities.providers;

import static io.trawl.activities.fuzz.BadInput.within;
import static io.trawl.activities.fuzz.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import io.trawl.activities.providers.unlocker.BloombergPageParser;
import io.trawl.activities.providers.yahoo.YahooQuoteParser;
import io.trawl.workflows.market.MarketSymbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bloomberg pages and Yahoo charts from the fuzzer: both parsers promise a quote or a {@link
 * QuoteUnavailableException}, never another exception, for whatever the provider sends.
 */
class QuoteParsersFuzzTest {
  private static final MarketSymbol AAPL = MarketSymbol.parse("AAPL:US");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-10T21:05:00Z"), ZoneOffset.UTC);

  private static final String BLOOMBERG_QUOTE =
      """
      {"id":"AAPL:US","name":"Apple Inc","shortName":"Apple","price":"262.36",
       "issuedCurrency":"USD","prevClose":259.1,"previousClosingPriceOneTradingDayAgo":"259.10",
       "priceChange1Day":"3.26","percentChange1Day":"1.26%","volume":"52,262,300",
       "highPrice":263.5,"lowPrice":"258.00","dayRange":["258.00","263.50"],
       "marketStatus":"CLSD","isOpen":false,"isAfterHours":true,
       "lastUpdate":"2025-01-10T21:00:00.000Z","lastUpdateEpoch":1736542800000}
      """;

  private static final String YAHOO_CHART =
      """
      {"chart":{"result":[{"meta":{"currency":"GBp","symbol":"AAPL","longName":"Apple Inc.",
       "shortName":"Apple","regularMarketPrice":105,"regularMarketTime":1736542800,
       "previousClose":104,"regularMarketVolume":1000,"regularMarketDayHigh":106,
       "regularMarketDayLow":99,"dataGranularity":"1d",
       "currentTradingPeriod":{"pre":{"start":1736500000,"end":1736510000},
        "regular":{"start":1736510000,"end":1736533400},"post":{"start":1736533400,"end":1736548000}}},
       "timestamp":[1736173800,1736260200,1736346600],
       "indicators":{"quote":[{"close":[100,null,99.5]}]}}],"error":null}}
      """;

  private final BloombergPageParser bloomberg =
      new BloombergPageParser(CLOCK, new BigDecimal("0.0015"));
  private final YahooQuoteParser yahoo = new YahooQuoteParser(CLOCK);

  /** A small Next.js quote page around {@code quoteJson}, as BloombergPageParserTest builds. */
  private static String page(String nextData) {
    return "<!DOCTYPE html><html><head><title>Bloomberg</title></head><body>"
        + "<script type=\"application/json\" id=\"__NEXT_DATA__\">"
        + nextData
        + "</script></body></html>";
  }

  private static Generator<String> bloombergPages() {
    String nextData =
        "{\"props\":{\"pageProps\":{\"quote\":" + BLOOMBERG_QUOTE + "}},\"page\":\"/quote\"}";
    return Generators.frequency(
        weighted(6, BadInput.mutated(List.of(nextData)).map(QuoteParsersFuzzTest::page)),
        weighted(2, BadInput.text().map(QuoteParsersFuzzTest::page)),
        weighted(1, BadInput.text()),
        weighted(1, BadInput.bytesAsText()),
        weighted(
            1,
            Generators.ints(0, 2_000)
                .map(n -> page(nextData).substring(0, Math.min(n, page(nextData).length())))));
  }

  private static Generator<String> charts() {
    return BadInput.malformedJson(List.of(YAHOO_CHART));
  }

  @Test
  void bloombergPagesGiveAQuoteOrQuoteUnavailable() {
    Tries.forAll(
        "bloombergPagesGiveAQuoteOrQuoteUnavailable",
        400,
        bloombergPages(),
        html -> {
          Throwable thrown = catchThrowable(() -> within(() -> bloomberg.parse(AAPL, html)));

          assertThat(thrown)
              .satisfiesAnyOf(t -> assertThat(t).isNull(), QuoteParsersFuzzTest::typed);
        });
  }

  @Test
  void yahooChartsGiveAQuoteOrQuoteUnavailable() {
    Tries.forAll(
        "yahooChartsGiveAQuoteOrQuoteUnavailable",
        400,
        charts(),
        json -> {
          Throwable thrown = catchThrowable(() -> within(() -> yahoo.parse(AAPL, json)));

          assertThat(thrown)
              .satisfiesAnyOf(t -> assertThat(t).isNull(), QuoteParsersFuzzTest::typed);
        });
  }

  private static void typed(Throwable thrown) {
    assertThat(thrown).isInstanceOf(QuoteUnavailableException.class);
  }
}
