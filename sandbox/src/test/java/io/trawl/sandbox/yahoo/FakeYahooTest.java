package io.trawl.sandbox.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Tick;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FakeYahooTest {
  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
          + " Safari/537.36";

  /** A Tuesday, inside the New York session. */
  static final Instant US_SESSION = Instant.parse("2026-01-06T18:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(US_SESSION);
  private FakeYahoo fake;

  private void start(YahooFaults faults) {
    fake = new FakeYahoo(clock, faults).start();
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private HttpResponse<String> chart(String symbol, String query, String agent) {
    String path =
        "/v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?" + query;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path));
    if (agent != null) {
      request.header("User-Agent", agent);
    }
    try {
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode result(String symbol, String query) throws IOException {
    HttpResponse<String> response = chart(symbol, query, BROWSER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).at("/chart/result/0");
  }

  @Test
  void chartMetaCarriesThePriceModelsPriceAndTradeTime() throws IOException {
    start(YahooFaults.none());

    JsonNode meta = result("AAPL", "range=1d&interval=5m").get("meta");

    Tick tick = PriceModel.tick(Instruments.byYahoo("AAPL").orElseThrow(), US_SESSION);
    assertThat(meta.get("regularMarketPrice").asDouble()).isEqualTo(tick.price());
    assertThat(meta.get("regularMarketTime").asLong()).isEqualTo(US_SESSION.getEpochSecond());
    assertThat(meta.get("previousClose").asDouble()).isEqualTo(tick.previousClose());
    assertThat(meta.get("currency").asText()).isEqualTo("USD");
    assertThat(meta.get("symbol").asText()).isEqualTo("AAPL");
  }

  @Test
  void pricesMoveWithTheClock() throws IOException {
    start(YahooFaults.none());
    double before =
        result("MSFT", "range=1d&interval=1m").at("/meta/regularMarketPrice").asDouble();

    clock.advance(Duration.ofMinutes(20));
    double after = result("MSFT", "range=1d&interval=1m").at("/meta/regularMarketPrice").asDouble();

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void fiveDayDailyChartHasChartPreviousCloseButNoPreviousClose() throws IOException {
    start(YahooFaults.none());

    JsonNode result = result("AAPL", "range=5d&interval=1d");

    JsonNode meta = result.get("meta");
    List<Double> closes = numbers(result.at("/indicators/quote/0/close"));
    assertThat(meta.has("previousClose")).isFalse();
    assertThat(closes).hasSize(5).doesNotContainNull();
    assertThat(result.get("timestamp")).hasSize(5);
    assertThat(closes.get(4)).isEqualTo(meta.get("regularMarketPrice").asDouble());
    Tick tick = PriceModel.tick(Instruments.byYahoo("AAPL").orElseThrow(), US_SESSION);
    // The day's previous close is the second-to-last daily close; chartPreviousClose is older.
    assertThat(closes.get(3)).isEqualTo(tick.previousClose());
    assertThat(meta.get("chartPreviousClose").asDouble()).isNotEqualTo(tick.previousClose());
    assertThat(result.at("/indicators/adjclose/0/adjclose")).hasSize(5);
  }

  @Test
  void londonSharesAreQuotedInPence() throws IOException {
    start(YahooFaults.none());

    JsonNode meta = result("VOD.L", "range=1d&interval=1h").get("meta");

    assertThat(meta.get("currency").asText()).isEqualTo("GBp");
    assertThat(meta.get("regularMarketPrice").asDouble()).isBetween(85.0, 105.0);
  }

  @Test
  void indexSymbolsArriveUrlEncoded() throws IOException {
    start(YahooFaults.none());

    JsonNode meta = result("^GSPC", "range=1d&interval=15m").get("meta");

    assertThat(meta.get("instrumentType").asText()).isEqualTo("INDEX");
    assertThat(fake.requests("^GSPC")).isEqualTo(1);
  }

  @Test
  void intradayChartsHaveSomeAllNullBars() throws IOException {
    start(YahooFaults.none());

    JsonNode quote = result("AAPL", "range=1d&interval=1m").at("/indicators/quote/0");

    List<Double> closes = numbers(quote.get("close"));
    assertThat(closes).contains((Double) null);
    assertThat(closes.stream().filter(c -> c != null)).isNotEmpty();
  }

  @Test
  void metaOnlyResultsHaveNoTimestampsOrIndicators() throws IOException {
    start(YahooFaults.none().toBuilder().metaOnly(true).build());

    JsonNode result = result("AAPL", "range=5d&interval=1d");

    assertThat(result.has("meta")).isTrue();
    assertThat(result.has("timestamp")).isFalse();
    assertThat(result.has("indicators")).isFalse();
  }

  @Test
  void unknownSymbolIs404NotFound() throws IOException {
    start(YahooFaults.none());

    HttpResponse<String> response = chart("NOPE", "range=1d&interval=1m", BROWSER);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode chart = JSON.readTree(response.body()).get("chart");
    assertThat(chart.get("result").isNull()).isTrue();
    assertThat(chart.at("/error/code").asText()).isEqualTo("Not Found");
    assertThat(chart.at("/error/description").asText())
        .isEqualTo("No data found, symbol may be delisted");
  }

  @Test
  void unknownSymbolCanAnswer200WithTheErrorBody() {
    start(YahooFaults.none().toBuilder().notFoundAs200(true).build());

    HttpResponse<String> response = chart("NOPE", "range=1d", BROWSER);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"code\":\"Not Found\"");
  }

  @Test
  void oneMinuteBarsOverMoreThanEightDaysAre422() throws IOException {
    start(YahooFaults.none());

    HttpResponse<String> response = chart("AAPL", "range=1mo&interval=1m", BROWSER);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(response.body()).at("/chart/error");
    assertThat(error.get("code").asText()).isEqualTo("Unprocessable Entity");
    assertThat(error.get("description").asText())
        .startsWith("1m data not available for startTime=")
        .contains("Only 8 days worth of 1m granularity data");
  }

  @Test
  void armedUnprocessableAnswers422WithTheChartErrorThenCharts() throws IOException {
    start(YahooFaults.none().toBuilder().unprocessable(1).build());

    HttpResponse<String> first = chart("AAPL", "range=1d", BROWSER);
    HttpResponse<String> second = chart("AAPL", "range=1d", BROWSER);

    assertThat(first.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(first.body()).at("/chart/error/code").asText())
        .isEqualTo("Unprocessable Entity");
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void libraryDefaultUserAgentsAndMissingOnesGet429() {
    start(YahooFaults.none());

    for (String agent : new String[] {"okhttp/5.5.1", "Java-http-client/25", null}) {
      HttpResponse<String> response = chart("AAPL", "range=1d", agent);
      assertThat(response.statusCode()).as(String.valueOf(agent)).isEqualTo(429);
      assertThat(response.body()).isEqualTo("Too Many Requests");
    }
    assertThat(fake.chartsServed()).isZero();
  }

  @Test
  void burstPastTheLimitGets429() {
    start(YahooFaults.none().toBuilder().burst(3, 60_000).build());

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(chart("AAPL", "range=1d", BROWSER).statusCode());
    }

    assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
  }

  @Test
  void outagePageIsHtml() {
    start(YahooFaults.none().toBuilder().outagePages(1, 503).build());

    HttpResponse<String> first = chart("AAPL", "range=1d", BROWSER);
    HttpResponse<String> second = chart("AAPL", "range=1d", BROWSER);

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.body()).contains("Will be right back");
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void defaultFaultRateFailsAboutOneRequestInTenTheSameWayEachRun() {
    start(YahooFaults.defaults().toBuilder().burstLimit(0).build());
    int failedFirst = failures(200);
    fake.faults(YahooFaults.defaults().toBuilder().burstLimit(0).build());
    int failedAgain = failures(200);

    assertThat(failedFirst).isEqualTo(failedAgain).isBetween(8, 40);
    assertThat(fake.requests("AAPL")).isEqualTo(400);
  }

  private int failures(int requests) {
    int failed = 0;
    for (int i = 0; i < requests; i++) {
      int status = chart("AAPL", "range=1d&interval=1h", BROWSER).statusCode();
      if (status != 200) {
        assertThat(status).isIn(429, 503);
        failed++;
      }
    }
    return failed;
  }

  private static List<Double> numbers(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.isNull() ? null : n.asDouble())
        .toList();
  }

  @Test
  void adminEndpointArmsFaultsOverTheEverydayDefaults() throws IOException, InterruptedException {
    start(YahooFaults.none());
    HttpRequest arm =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/faults"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"metaOnly\":true,\"faultRate\":0}"))
            .build();

    HttpResponse<String> armed = http.send(arm, HttpResponse.BodyHandlers.ofString());
    JsonNode result = result("AAPL", "range=5d&interval=1d");

    assertThat(armed.statusCode()).isEqualTo(200);
    assertThat(fake.faults().metaOnly()).isTrue();
    assertThat(fake.faults().burstLimit()).isEqualTo(YahooFaults.defaults().burstLimit());
    assertThat(result.has("timestamp")).isFalse();
  }

  @Test
  void tradingPeriodSaysTheSessionIsOpen() throws IOException {
    start(YahooFaults.none());

    JsonNode period = result("AAPL", "range=1d").at("/meta/currentTradingPeriod/regular");

    assertThat(period.get("start").asLong()).isLessThanOrEqualTo(US_SESSION.getEpochSecond());
    assertThat(period.get("end").asLong()).isGreaterThan(US_SESSION.getEpochSecond());
  }
}
