package io.trawl.activities.providers.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Tick;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class YahooClientTest {
  /** A Tuesday, inside the New York session. */
  private static final Instant NOW = Instant.parse("2026-01-06T18:00:00Z");

  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private FakeYahoo fake;
  private YahooClient client;
  private final YahooQuoteParser parser = new YahooQuoteParser(CLOCK);

  private void start(YahooFaults faults) {
    fake = new FakeYahoo(CLOCK, faults).start();
    client =
        new YahooClient(YahooConfig.sandbox(fake.baseUrl()), YahooClient.Settings.DEFAULT, CLOCK);
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private static ApplicationFailure failure(ThrowingCallable call) {
    return catchThrowableOfType(ApplicationFailure.class, call);
  }

  private Quote quote(String bloomberg, String range) {
    MarketSymbol symbol = MarketSymbol.parse(bloomberg);
    return parser.parse(symbol, client.chart(symbol.yahoo(), range, "1d"));
  }

  @Test
  void dailyChartGivesTheSandboxPriceAndTheDaysChange() {
    start(YahooFaults.none());

    Quote quote = quote("AAPL:US", "5d");

    Tick tick = PriceModel.tick(Instruments.byBloomberg("AAPL:US").orElseThrow(), NOW);
    assertThat(quote.price()).isEqualByComparingTo(BigDecimal.valueOf(tick.price()));
    assertThat(quote.previousClose())
        .isEqualByComparingTo(BigDecimal.valueOf(tick.previousClose()));
    assertThat(quote.change())
        .isEqualByComparingTo(
            BigDecimal.valueOf(tick.price()).subtract(BigDecimal.valueOf(tick.previousClose())));
    assertThat(quote.asOf()).isEqualTo(NOW);
    assertThat(quote.name()).isEqualTo("Apple Inc");
    assertThat(quote.marketStatus()).isEqualTo(MarketStatus.OPEN);
  }

  @Test
  void oneDayRangeUsesMetaPreviousCloseAndAgreesWithFiveDays() {
    start(YahooFaults.none());

    Quote oneDay = quote("MSFT:US", "1d");
    Quote fiveDays = quote("MSFT:US", "5d");

    assertThat(oneDay.previousClose()).isEqualByComparingTo(fiveDays.previousClose());
    assertThat(oneDay.change()).isEqualByComparingTo(fiveDays.change());
  }

  @Test
  void londonPenceArriveAsPounds() {
    start(YahooFaults.none());

    Quote quote = quote("VOD:LN", "5d");

    double pence = PriceModel.tick(Instruments.byBloomberg("VOD:LN").orElseThrow(), NOW).price();
    assertThat(quote.currency()).isEqualTo("GBP");
    assertThat(quote.price())
        .isEqualByComparingTo(
            BigDecimal.valueOf(pence).divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY));
  }

  @Test
  void indexSymbolIsUrlEncodedAndFound() {
    start(YahooFaults.none());

    Quote quote = quote("SPX:IND", "1d");

    assertThat(quote.symbol()).isEqualTo("SPX:IND");
    assertThat(fake.requests("^GSPC")).isEqualTo(1);
  }

  @Test
  void sendsABrowserUserAgentSoTheBotDefenceLetsItThrough() {
    start(YahooFaults.none().toBuilder().refuseLibraryAgents(true).build());

    JsonNode chart = client.chart("AAPL", "1d", "5m");

    assertThat(chart.at("/chart/result/0/meta/symbol").asText()).isEqualTo("AAPL");
  }

  @Test
  void unknownSymbolIsNotFoundWhether404Or200() {
    start(YahooFaults.none());
    ApplicationFailure as404 = failure(() -> client.chart("NOPE", "1d", "1m"));
    fake.faults(YahooFaults.none().toBuilder().notFoundAs200(true).build());
    ApplicationFailure as200 = failure(() -> client.chart("NOPE", "1d", "1m"));

    assertThat(as404.getType()).isEqualTo(Failures.NOT_FOUND);
    assertThat(as404.isNonRetryable()).isTrue();
    assertThat(as404.getOriginalMessage())
        .isEqualTo(
            "Yahoo answered 404 to GET /v8/finance/chart/NOPE?range=1d&interval=1m: Not Found:"
                + " No data found, symbol may be delisted");
    assertThat(as200.getType()).isEqualTo(Failures.NOT_FOUND);
  }

  @Test
  void tooMuchOneMinuteHistoryIsFinal() {
    start(YahooFaults.none());

    ApplicationFailure failure = failure(() -> client.chart("AAPL", "1mo", "1m"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("422").contains("Only 8 days worth");
  }

  @Test
  void tooManyRequestsIsRetryable() {
    start(YahooFaults.none().toBuilder().rateLimited(1).build());

    ApplicationFailure failure = failure(() -> client.chart("AAPL", "1d", "1m"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage()).endsWith(": Too Many Requests");
    assertThat(client.chart("AAPL", "1d", "1m")).isNotNull();
  }

  @Test
  void outagePageIsRetryableWithItsStatusOr200() {
    start(YahooFaults.none().toBuilder().outagePages(1, 503).build());
    ApplicationFailure as503 = failure(() -> client.chart("AAPL", "1d", "1m"));
    fake.faults(YahooFaults.none().toBuilder().outagePages(1, 200).build());
    ApplicationFailure as200 = failure(() -> client.chart("AAPL", "1d", "1m"));

    assertThat(as503.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(as503.getOriginalMessage()).endsWith(": HTML page \"Yahoo\"");
    assertThat(as200.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(as200.getOriginalMessage()).contains("(outage)");
  }

  @Test
  void configPointsAtTheSandboxUnlessYahooBaseUrlIsSet() {
    assertThat(YahooConfig.fromEnvironment(Map.of(), "http://127.0.0.1:9/").baseUrl())
        .isEqualTo("http://127.0.0.1:9");
    assertThat(YahooConfig.fromEnvironment(Map.of(), "http://127.0.0.1:9").sandbox()).isTrue();
    YahooConfig real =
        YahooConfig.fromEnvironment(
            Map.of("YAHOO_BASE_URL", "https://query2.finance.yahoo.com"), "http://127.0.0.1:9");
    assertThat(real.sandbox()).isFalse();
    assertThat(real.baseUrl()).isEqualTo("https://query2.finance.yahoo.com");
  }

  @Test
  void bodyCutOffMidwayIsRetryable() {
    start(YahooFaults.none().toBuilder().truncateBody(true).build());

    ApplicationFailure failure = failure(() -> client.chart("AAPL", "5d", "1d"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).startsWith("Yahoo GET /v8/finance/chart/AAPL");
  }
}
