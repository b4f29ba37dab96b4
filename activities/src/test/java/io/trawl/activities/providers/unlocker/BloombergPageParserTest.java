package io.trawl.activities.providers.unlocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.QuoteUnavailableException.Reason;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BloombergPageParserTest {
  private static final Instant FETCHED = Instant.parse("2026-01-06T22:31:12Z");
  private static final BigDecimal COST = new BigDecimal("0.0015");
  private static final MarketSymbol AAPL = MarketSymbol.parse("AAPL:US");

  private final BloombergPageParser parser =
      new BloombergPageParser(Clock.fixed(FETCHED, ZoneOffset.UTC), COST);

  static String resource(String name) {
    try (InputStream in = BloombergPageParserTest.class.getResourceAsStream("/bloomberg/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small Next.js quote page with a ticker-bar decoy ahead of {@code quoteJson}. */
  static String page(String quoteJson) {
    return "<!DOCTYPE html><html><head><title>Bloomberg</title></head><body><div"
               + " id=\"__next\"></div><script type=\"application/json\" id=\"__NEXT_DATA__\""
               + " crossorigin=\"anonymous\">"
               + "{\"props\":{\"pageProps\":{\"tickerbar\":[{\"ticker\":\"SPX:IND\",\"price\":\"6,944.82\","
               + "\"percentChange1Day\":-0.33}],\"quote\":"
        + quoteJson
        + "}},\"page\":\"/quote/[...ticker]\"}</script></body></html>";
  }

  private QuoteUnavailableException unavailable(MarketSymbol symbol, String html) {
    return catchThrowableOfType(QuoteUnavailableException.class, () -> parser.parse(symbol, html));
  }

  @Test
  void readsTheQuoteOfARealSizedPageFromNextData() {
    String html = resource("aapl-us-quote.html");

    Quote quote = parser.parse(AAPL, html);

    assertThat(html.length()).isGreaterThan(400_000);
    assertThat(quote.symbol()).isEqualTo("AAPL:US");
    assertThat(quote.name()).isEqualTo("Apple Inc");
    assertThat(quote.price()).isEqualByComparingTo("262.36");
    assertThat(quote.currency()).isEqualTo("USD");
    assertThat(quote.change()).isEqualByComparingTo("-4.9");
    assertThat(quote.changePercent()).isEqualByComparingTo("-1.833421");
    assertThat(quote.volume()).isEqualTo(52_262_300L);
    assertThat(quote.dayHigh()).isEqualByComparingTo("267.55");
    assertThat(quote.dayLow()).isEqualByComparingTo("261.3");
    assertThat(quote.previousClose()).isEqualByComparingTo("267.26");
    assertThat(quote.marketStatus()).isEqualTo(MarketStatus.CLOSED);
    assertThat(quote.asOf()).isEqualTo(Instant.parse("2026-01-06T22:20:00Z"));
    assertThat(quote.fetchedAt()).isEqualTo(FETCHED);
    assertThat(quote.source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(quote.costUsd()).isEqualByComparingTo("0.0015");
  }

  @Test
  void neverTakesThePriceFromTheTickerbar() {
    Quote quote =
        parser.parse(
            AAPL,
            page(
                "{\"id\":\"AAPL:US\",\"price\":\"262.36\",\"issuedCurrency\":\"USD\","
                    + "\"lastUpdate\":\"2026-01-06T22:20:00.000Z\"}"));

    assertThat(quote.price()).isEqualByComparingTo("262.36");
  }

  @Test
  void acceptsSeparatorsSignsPercentAndSuffixesInStrings() {
    Quote quote =
        parser.parse(
            AAPL,
            page(
                "{\"id\":\"AAPL:US\",\"name\":\"Apple Inc\",\"price\":\"$1,262.36\","
                    + "\"priceChange1Day\":\"-4.90\",\"percentChange1Day\":\"-0.39%\","
                    + "\"prevClose\":\"$1,267.26\",\"volume\":\"52.3M\","
                    + "\"dayRange\":[\"1,261.30\",\"1,267.55\"],\"issuedCurrency\":\"USD\","
                    + "\"lastUpdate\":\"2026-01-06T22:20:00.000Z\"}"));

    assertThat(quote.price()).isEqualByComparingTo("1262.36");
    assertThat(quote.change()).isEqualByComparingTo("-4.90");
    assertThat(quote.changePercent()).isEqualByComparingTo("-0.39");
    assertThat(quote.previousClose()).isEqualByComparingTo("1267.26");
    assertThat(quote.volume()).isEqualTo(52_300_000L);
    assertThat(quote.dayLow()).isEqualByComparingTo("1261.30");
    assertThat(quote.dayHigh()).isEqualByComparingTo("1267.55");
  }

  @Test
  void acceptsNumbersWhereStringsUsuallyAre() {
    Quote quote =
        parser.parse(
            AAPL,
            page(
                "{\"id\":\"AAPL:US\",\"price\":262.36,\"prevClose\":267.26,\"volume\":52262300,"
                    + "\"issuedCurrency\":\"USD\",\"lastUpdate\":\"2026-01-06T22:20:00Z\"}"));

    assertThat(quote.price()).isEqualByComparingTo("262.36");
    assertThat(quote.volume()).isEqualTo(52_262_300L);
  }

  @Test
  void derivesChangeAndPercentFromThePreviousCloseWhenMissing() {
    Quote quote =
        parser.parse(
            AAPL,
            page(
                "{\"id\":\"AAPL:US\",\"price\":\"105\",\"prevClose\":\"104\","
                    + "\"issuedCurrency\":\"USD\",\"lastUpdate\":\"2026-01-06T22:20:00.000Z\"}"));

    assertThat(quote.change()).isEqualByComparingTo("1");
    assertThat(quote.changePercent()).isEqualByComparingTo("0.9615");
  }

  @Test
  void scalesLondonPenceToPounds() {
    Quote quote =
        parser.parse(
            MarketSymbol.parse("VOD:LN"),
            page(
                "{\"id\":\"VOD:LN\",\"price\":\"94.62\",\"prevClose\":\"95.10\","
                    + "\"priceChange1Day\":-0.48,\"percentChange1Day\":-0.504732,"
                    + "\"issuedCurrency\":\"GBp\",\"lastUpdate\":\"2026-01-06T16:35:00.000Z\"}"));

    assertThat(quote.currency()).isEqualTo("GBP");
    assertThat(quote.price()).isEqualByComparingTo("0.9462");
    assertThat(quote.change()).isEqualByComparingTo("-0.0048");
    assertThat(quote.changePercent()).isEqualByComparingTo("-0.504732");
  }

  @Test
  void readsTheMarketStatusFromItsCodeOrFromIsOpen() {
    String base = "\"id\":\"AAPL:US\",\"price\":\"1\",\"lastUpdate\":\"2026-01-06T22:20:00Z\"";

    assertThat(parser.parse(AAPL, page("{" + base + ",\"marketStatus\":\"ACTV\"}")).marketStatus())
        .isEqualTo(MarketStatus.OPEN);
    assertThat(parser.parse(AAPL, page("{" + base + ",\"marketStatus\":\"HALT\"}")).marketStatus())
        .isEqualTo(MarketStatus.HALTED);
    assertThat(parser.parse(AAPL, page("{" + base + ",\"isOpen\":true}")).marketStatus())
        .isEqualTo(MarketStatus.OPEN);
    assertThat(
            parser
                .parse(AAPL, page("{" + base + ",\"isOpen\":false,\"isAfterHours\":true}"))
                .marketStatus())
        .isEqualTo(MarketStatus.POST_MARKET);
    assertThat(parser.parse(AAPL, page("{" + base + "}")).marketStatus())
        .isEqualTo(MarketStatus.UNKNOWN);
  }

  @Test
  void robotPageIsATypedFailureNamingTheBlockReference() {
    QuoteUnavailableException e = unavailable(AAPL, resource("robot-page.html"));

    assertThat(e.reason()).isEqualTo(Reason.ROBOT_PAGE);
    assertThat(e.getMessage())
        .isEqualTo(
            "bright_data gave a robot check instead of the quote page for AAPL:US:"
                + " \"Are you a robot?\" (block reference 4b6a1c2e-9f0d-11f0-8de9-0242ac120002)");
    assertThat(e.toFailure().getType()).isEqualTo(Failures.QUOTE_UNAVAILABLE);
    assertThat(e.toFailure().isNonRetryable()).isFalse();
  }

  @Test
  void pageWithoutAQuoteIsNoQuote() {
    assertThat(unavailable(AAPL, resource("not-found-page.html")).getMessage())
        .isEqualTo(
            "bright_data gave no quote for AAPL:US: props.pageProps.quote is missing"
                + " (page \"/_error\")");
    assertThat(unavailable(AAPL, "<html><body>Hello</body></html>").reason())
        .isEqualTo(Reason.NO_QUOTE);
    assertThat(unavailable(AAPL, "").reason()).isEqualTo(Reason.NO_QUOTE);
    assertThat(unavailable(AAPL, null).reason()).isEqualTo(Reason.NO_QUOTE);
  }

  @Test
  void brokenJsonIsMalformed() {
    QuoteUnavailableException e = unavailable(AAPL, page("{\"id\":\"AAPL:US\",\"price\":"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage()).contains("__NEXT_DATA__ is not JSON");
  }

  @Test
  void anotherSymbolsQuoteIsAMismatch() {
    QuoteUnavailableException e =
        unavailable(
            AAPL,
            page(
                "{\"id\":\"MSFT:US\",\"price\":\"478.11\",\"lastUpdate\":\"2026-01-06T22:20:00Z\"}"));

    assertThat(e.reason()).isEqualTo(Reason.SYMBOL_MISMATCH);
    assertThat(e.getMessage()).endsWith("the page's quote id is \"MSFT:US\"");
  }

  @Test
  void missingOrZeroPriceAndMissingTimeAreNoPrice() {
    assertThat(
            unavailable(AAPL, page("{\"id\":\"AAPL:US\",\"lastUpdate\":\"2026-01-06T22:20:00Z\"}"))
                .reason())
        .isEqualTo(Reason.NO_PRICE);
    assertThat(
            unavailable(
                    AAPL,
                    page(
                        "{\"id\":\"AAPL:US\",\"price\":\"0.00\",\"lastUpdate\":\"2026-01-06T22:20:00Z\"}"))
                .reason())
        .isEqualTo(Reason.NO_PRICE);
    assertThat(unavailable(AAPL, page("{\"id\":\"AAPL:US\",\"price\":\"N/A\"}")).reason())
        .isEqualTo(Reason.NO_PRICE);
    assertThat(unavailable(AAPL, page("{\"id\":\"AAPL:US\",\"price\":\"1.00\"}")).reason())
        .isEqualTo(Reason.NO_PRICE);
  }

  @Test
  void oddlyShapedFieldsEndAsATypedFailureOrAreIgnored() {
    Quote quote =
        parser.parse(
            AAPL,
            page(
                "{\"id\":\"AAPL:US\",\"price\":\"2.5\",\"volume\":{\"a\":1},\"dayRange\":\"x\","
                    + "\"issuedCurrency\":42,\"lastUpdate\":\"yesterday\","
                    + "\"lastUpdateEpoch\":\"1767738000000\"}"));

    assertThat(quote.volume()).isNull();
    assertThat(quote.currency()).isNull();
    assertThat(quote.asOf()).isEqualTo(Instant.ofEpochMilli(1_767_738_000_000L));
    assertThat(unavailable(AAPL, page("[1,2]")).reason()).isEqualTo(Reason.NO_QUOTE);
  }

  @Test
  void refusesInputLargerThanAnyRealPage() {
    String huge = "<html>" + "x".repeat(BloombergPageParser.MAX_PAGE_CHARS) + "</html>";

    assertThat(unavailable(AAPL, huge).reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void readsNumbersInEveryFormTheSiteUses() {
    assertThat(BloombergNumbers.parse("52,262,300.00")).isEqualByComparingTo("52262300");
    assertThat(BloombergNumbers.parse("3.877T")).isEqualByComparingTo("3877000000000");
    assertThat(BloombergNumbers.parse("14.776B")).isEqualByComparingTo("14776000000");
    assertThat(BloombergNumbers.parse("812.5k")).isEqualByComparingTo("812500");
    assertThat(BloombergNumbers.parse("0.40%")).isEqualByComparingTo("0.40");
    assertThat(BloombergNumbers.parse("€1.234,5")).isNull();
    assertThat(BloombergNumbers.parse("£95.10")).isEqualByComparingTo("95.10");
    assertThat(BloombergNumbers.parse("−1.5")).isEqualByComparingTo("-1.5");
    assertThat(BloombergNumbers.parse("(1.50)")).isEqualByComparingTo("-1.50");
    assertThat(BloombergNumbers.parse("+0.25%")).isEqualByComparingTo("0.25");
    assertThat(BloombergNumbers.parse("N/A")).isNull();
    assertThat(BloombergNumbers.parse("--")).isNull();
    assertThat(BloombergNumbers.parse("")).isNull();
  }
}
