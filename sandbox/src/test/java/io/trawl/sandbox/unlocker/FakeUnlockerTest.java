package io.trawl.sandbox.unlocker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.Tick;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FakeUnlockerTest {
  /** A Tuesday, inside the New York session. */
  static final Instant US_SESSION = Instant.parse("2026-01-06T18:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_DATA =
      Pattern.compile(
          "<script id=\"__NEXT_DATA__\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(US_SESSION);
  private FakeUnlocker fake;

  private void start(UnlockerFaults faults) {
    fake = new FakeUnlocker(clock, faults).start();
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private HttpResponse<String> post(String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/request"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> quotePage(String symbol) {
    return post(
        "t0ken",
        "{\"zone\":\""
            + FakeUnlocker.ZONE
            + "\",\"url\":\"https://www.bloomberg.com/quote/"
            + symbol
            + "\",\"format\":\"raw\"}");
  }

  private static JsonNode nextData(String page) throws IOException {
    Matcher m = NEXT_DATA.matcher(page);
    assertThat(m.find()).as("page has __NEXT_DATA__").isTrue();
    return JSON.readTree(m.group(1));
  }

  @Test
  void servesABloombergSizedQuotePageWithTheQuoteOnlyInNextData() throws IOException {
    start(UnlockerFaults.none());

    HttpResponse<String> response = quotePage("AAPL:US");

    assertThat(response.statusCode()).isEqualTo(200);
    String page = response.body();
    assertThat(page.length()).isBetween(400_000, 500_000);
    JsonNode data = nextData(page);
    assertThat(data.get("page").asText()).isEqualTo("/quote/[...ticker]");
    JsonNode quote = data.at("/props/pageProps/quote");
    Tick tick = PriceModel.tick(Instruments.byBloomberg("AAPL:US").orElseThrow(), US_SESSION);
    assertThat(quote.get("id").asText()).isEqualTo("AAPL:US");
    assertThat(quote.get("price").isTextual()).isTrue();
    assertThat(Double.parseDouble(quote.get("price").asText().replace(",", "")))
        .isEqualTo(tick.price());
    assertThat(quote.get("priceChange1Day").isNumber()).isTrue();
    assertThat(quote.get("percentChange1Day").isNumber()).isTrue();
    assertThat(quote.get("volume").asText()).matches("[0-9]{1,3}(,[0-9]{3})*\\.00");
    assertThat(quote.get("marketCap").asText()).matches("[0-9.]+T");
    assertThat(quote.get("issuedCurrency").asText()).isEqualTo("USD");
    assertThat(quote.get("marketStatus").asText()).isEqualTo("ACTV");
    assertThat(quote.get("isOpen").asBoolean()).isTrue();
    assertThat(quote.get("lastUpdate").asText()).isEqualTo("2026-01-06T18:00:00.000Z");
    // The rendered page never prints the price: only the script carries it.
    String withoutScript = NEXT_DATA.matcher(page).replaceAll("");
    assertThat(withoutScript).doesNotContain(quote.get("price").asText());
    assertThat(fake.billedRequests()).isEqualTo(1);
  }

  @Test
  void tickerbarComesBeforeTheQuoteAndListsOtherInstruments() throws IOException {
    start(UnlockerFaults.none());

    String page = quotePage("MSFT:US").body();

    JsonNode pageProps = nextData(page).at("/props/pageProps");
    assertThat(pageProps.get("tickerbar").get(0).get("ticker").asText()).isEqualTo("SPX:IND");
    assertThat(page.indexOf("\"tickerbar\"")).isLessThan(page.indexOf("\"quote\""));
  }

  @Test
  void londonPagesQuoteInPenceLikeYahoo() throws IOException {
    start(UnlockerFaults.none());

    JsonNode quote = nextData(quotePage("VOD:LN").body()).at("/props/pageProps/quote");

    assertThat(quote.get("issuedCurrency").asText()).isEqualTo("GBp");
  }

  @Test
  void missingTokenIs401Json() {
    start(UnlockerFaults.none());

    HttpResponse<String> response =
        post(null, "{\"zone\":\"web_unlocker1\",\"url\":\"https://x\",\"format\":\"raw\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"User authentication is required\"}");
  }

  @Test
  void anAccountWithARequiredTokenRefusesAnyOtherToken() {
    fake = new FakeUnlocker(clock, UnlockerFaults.none()).requiringToken("the-real-token").start();
    String body =
        "{\"zone\":\"web_unlocker1\",\"url\":\"https://www.bloomberg.com/quote/AAPL:US\","
            + "\"format\":\"raw\"}";

    assertThat(post("another-token", body).statusCode()).isEqualTo(401);
    assertThat(post("the-real-token", body).statusCode()).isEqualTo(200);
    assertThat(fake.billedRequests()).isEqualTo(1);
  }

  @Test
  void missingBodyFieldsAre400BadRequest() {
    start(UnlockerFaults.none());

    HttpResponse<String> response = post("t0ken", "{\"zone\":\"web_unlocker1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"Bad Request\"}");
  }

  @Test
  void unknownZoneIsNamedWithClientErrorCode() {
    start(UnlockerFaults.none());

    HttpResponse<String> response =
        post(
            "t0ken",
            "{\"zone\":\"nope\",\"url\":\"https://www.bloomberg.com/quote/AAPL:US\","
                + "\"format\":\"raw\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("zone \"nope\" not found");
    assertThat(response.headers().firstValue("x-brd-err-code")).hasValue("client_10000");
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void robotPagesComeWith200Or403AndAreNotBilled() {
    start(UnlockerFaults.builder().robotPages(1, 200).build());
    HttpResponse<String> ok = quotePage("AAPL:US");
    fake.faults(UnlockerFaults.builder().robotPages(1, 403).build());
    HttpResponse<String> forbidden = quotePage("AAPL:US");

    for (HttpResponse<String> robot : java.util.List.of(ok, forbidden)) {
      assertThat(robot.body())
          .contains("<title>Bloomberg - Are you a robot?</title>")
          .contains("We've detected unusual activity from your computer network")
          .contains("id=\"px-captcha\"")
          .containsPattern("Block reference ID: [0-9a-f-]{36}")
          .doesNotContain("__NEXT_DATA__");
    }
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(fake.billedRequests()).isZero();
    assertThat(quotePage("AAPL:US").body()).contains("__NEXT_DATA__");
  }

  @Test
  void rateLimitsCarryTheAccountErrorCodeWithAndWithoutRetryAfter() {
    start(UnlockerFaults.builder().rateLimited(1, 9).rateLimitedNoRetryAfter(1).build());

    HttpResponse<String> first = quotePage("AAPL:US");
    HttpResponse<String> second = quotePage("AAPL:US");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("9");
    assertThat(first.headers().firstValue("x-brd-err-code")).hasValue("client_10110");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void zoneUsageLimitIs502WithItsCode() {
    start(UnlockerFaults.builder().zoneLimit(1).build());

    HttpResponse<String> response = quotePage("AAPL:US");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("x-brd-err-code")).hasValue("client_10100");
  }

  @Test
  void unknownSymbolGetsBloombergsNotFoundPageUnbilled() throws IOException {
    start(UnlockerFaults.none());

    HttpResponse<String> response = quotePage("NOPE:US");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(nextData(response.body()).at("/props/pageProps").has("quote")).isFalse();
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void countsRequestsPerSymbolAndBillsOnlyDeliveredPages() {
    start(UnlockerFaults.builder().robotPages(1, 403).pageBytes(10_000).build());

    quotePage("AAPL:US");
    quotePage("AAPL:US");
    quotePage("GC1:COM");
    post("t0ken", "not json");

    assertThat(fake.requests()).isEqualTo(4);
    assertThat(fake.requests("AAPL:US")).isEqualTo(2);
    assertThat(fake.requests("GC1:COM")).isEqualTo(1);
    assertThat(fake.billedRequests()).isEqualTo(2);
  }

  @Test
  void sameClockGivesTheSamePriceAndALaterClockMovesIt() throws IOException {
    start(UnlockerFaults.builder().pageBytes(10_000).build());
    String first =
        nextData(quotePage("XBTUSD:CUR").body()).at("/props/pageProps/quote/price").asText();
    String again =
        nextData(quotePage("XBTUSD:CUR").body()).at("/props/pageProps/quote/price").asText();

    clock.advance(Duration.ofMinutes(30));
    String later =
        nextData(quotePage("XBTUSD:CUR").body()).at("/props/pageProps/quote/price").asText();

    assertThat(again).isEqualTo(first);
    assertThat(later).isNotEqualTo(first);
  }

  @Test
  void adminEndpointArmsFaultsFromAnotherProcessAndReportsCounters() throws IOException {
    start(UnlockerFaults.none());
    HttpRequest arm =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/faults"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"alwaysRobot\":true}"))
            .build();
    HttpRequest unknown =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/faults"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"robots\":1}"))
            .build();

    HttpResponse<String> armed = send(arm);
    HttpResponse<String> refused = send(unknown);
    HttpResponse<String> robot = quotePage("AAPL:US");
    HttpResponse<String> stats =
        send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/stats")).build());

    assertThat(armed.statusCode()).isEqualTo(200);
    assertThat(fake.faults().alwaysRobot()).isTrue();
    assertThat(fake.faults().pageBytes()).isEqualTo(450_000);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).startsWith("unknown fault robots; known: robotPages, ");
    assertThat(robot.body()).contains("Are you a robot?");
    JsonNode counters = JSON.readTree(stats.body());
    assertThat(counters.get("requests").asLong()).isEqualTo(1);
    assertThat(counters.get("billedRequests").asLong()).isZero();
  }

  @Test
  void targetErrorPageIsA200WithoutAQuoteAndIsBilled() {
    start(UnlockerFaults.builder().targetErrorPages(1).build());

    HttpResponse<String> response = quotePage("AAPL:US");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Something went wrong").doesNotContain("__NEXT_DATA__");
    assertThat(fake.billedRequests()).isEqualTo(1);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
