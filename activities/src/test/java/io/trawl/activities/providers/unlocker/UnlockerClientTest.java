package io.trawl.activities.providers.unlocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.QuoteUnavailableException.Reason;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UnlockerClientTest {
  /** A Tuesday, inside the New York session. */
  private static final Instant NOW = Instant.parse("2026-01-06T18:00:00Z");

  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final MarketSymbol AAPL = MarketSymbol.parse("AAPL:US");
  private static final String ZONE = FakeUnlocker.ZONE;

  private FakeUnlocker fake;
  private UnlockerClient client;
  private final BloombergPageParser parser =
      new BloombergPageParser(CLOCK, new BigDecimal("0.0015"));

  private void start(UnlockerFaults faults) {
    start(faults, UnlockerClient.Settings.DEFAULT);
  }

  private void start(UnlockerFaults faults, UnlockerClient.Settings settings) {
    fake = new FakeUnlocker(CLOCK, faults).start();
    client = new UnlockerClient(UnlockerConfig.sandbox(fake.baseUrl(), ZONE), settings, CLOCK);
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

  @Test
  void fetchedPageParsesToTheSandboxPriceAndIsBilledOnce() {
    start(UnlockerFaults.none());

    Quote quote = parser.parse(AAPL, client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    double expected =
        PriceModel.tick(Instruments.byBloomberg("AAPL:US").orElseThrow(), NOW).price();
    assertThat(quote.price()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    assertThat(quote.asOf()).isEqualTo(NOW);
    assertThat(quote.currency()).isEqualTo("USD");
    assertThat(fake.billedRequests()).isEqualTo(1);
    assertThat(fake.requests("AAPL:US")).isEqualTo(1);
  }

  @Test
  void anAsyncRequestIsPolledUntilItsPageIsReadyAndBilledOnceHoweverOftenItIsRead() {
    start(UnlockerFaults.builder().latencyMillis(400).build());

    String id = client.submit(ZONE, AAPL.bloombergQuoteUrl());
    long submittedBilled = fake.billedRequests();
    Quote first = parser.parse(AAPL, client.result(ZONE, AAPL.bloombergQuoteUrl(), id));
    Quote again = parser.parse(AAPL, client.result(ZONE, AAPL.bloombergQuoteUrl(), id));

    assertThat(submittedBilled).as("nothing billed before the page is unlocked").isZero();
    assertThat(again.price()).isEqualByComparingTo(first.price());
    assertThat(fake.requests("AAPL:US")).as("page requests").isEqualTo(1);
    assertThat(fake.billedRequests()).as("pages billed").isEqualTo(1);
    assertThat(fake.answers()).as("answers by status").containsKey(202);
  }

  @Test
  void anAsyncRequestIsBilledOnceUnlockedWhetherOrNotItIsRead() throws InterruptedException {
    start(UnlockerFaults.builder().latencyMillis(100).build());

    client.submit(ZONE, AAPL.bloombergQuoteUrl());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fake.billedRequests() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(fake.billedRequests()).as("billed when unlocked, never read").isEqualTo(1);
  }

  @Test
  void anAsyncResultCutOnEveryReadIsABilledPageLostAfterThreeReads() {
    start(UnlockerFaults.builder().truncateBody(true).build());

    String id = client.submit(ZONE, AAPL.bloombergQuoteUrl());
    ApplicationFailure failure = failure(() -> client.result(ZONE, AAPL.bloombergQuoteUrl(), id));

    assertThat(failure.getType()).isEqualTo(Failures.PAID_ANSWER_LOST);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(fake.billedRequests()).as("billed once, however often read").isEqualTo(1);
    assertThat(fake.requests("AAPL:US")).as("page requests").isEqualTo(1);
  }

  @Test
  void anAsyncRobotPageIsAFreeTypedRefusal() {
    start(UnlockerFaults.builder().robotPages(1, 403).build());

    String id = client.submit(ZONE, AAPL.bloombergQuoteUrl());
    ApplicationFailure failure = failure(() -> client.result(ZONE, AAPL.bloombergQuoteUrl(), id));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("Bloomberg blocked the request");
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void anAsyncSubmitRefusedByTheAccountIsTypedAsTheSynchronousRequestWouldBe() {
    start(UnlockerFaults.builder().rateLimited(1, 7).build());

    ApplicationFailure failure = failure(() -> client.submit(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(java.time.Duration.ofSeconds(7));
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void londonPageComesBackInPounds() {
    start(UnlockerFaults.none());
    MarketSymbol vod = MarketSymbol.parse("VOD:LN");

    Quote quote = parser.parse(vod, client.fetch(ZONE, vod.bloombergQuoteUrl()));

    double pence = PriceModel.tick(Instruments.byBloomberg("VOD:LN").orElseThrow(), NOW).price();
    assertThat(quote.currency()).isEqualTo("GBP");
    assertThat(quote.price()).isEqualByComparingTo(BigDecimal.valueOf(pence).movePointLeft(2));
  }

  @Test
  void invalidTokenIsFinalAndNamesTheVariableNotTheValue() {
    fake = new FakeUnlocker(CLOCK, UnlockerFaults.builder().invalidToken(true).build()).start();
    client =
        new UnlockerClient(
            new UnlockerConfig(fake.baseUrl(), "secret-token-123", ZONE),
            UnlockerClient.Settings.DEFAULT,
            CLOCK);

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data Unlocker answered 401 for https://www.bloomberg.com/quote/AAPL:US:"
                + " {\"error\":\"User authentication is required\"}; check BRIGHTDATA_API_TOKEN")
        .doesNotContain("secret-token-123");
  }

  @Test
  void unknownZoneIsFinalAndNamesTheZoneVariable() {
    start(UnlockerFaults.none());

    ApplicationFailure failure = failure(() -> client.fetch("nope", AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data Unlocker answered 400 (client_10000) for"
                + " https://www.bloomberg.com/quote/AAPL:US: zone \"nope\" not found;"
                + " check BRIGHTDATA_UNLOCKER_ZONE");
  }

  @Test
  void unknownZoneAnsweredWith407IsFinalToo() {
    start(UnlockerFaults.builder().zoneErrorStatus(407).build());

    ApplicationFailure failure = failure(() -> client.fetch("nope", AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.getOriginalMessage()).contains("407").contains("BRIGHTDATA_UNLOCKER_ZONE");
  }

  @Test
  void blankZoneIsInvalidInput() {
    start(UnlockerFaults.none());

    ApplicationFailure failure = failure(() -> client.fetch(" ", AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.INVALID_INPUT);
    assertThat(fake.requests()).isZero();
  }

  @Test
  void rateLimitIsRetryableAfterRetryAfter() {
    start(UnlockerFaults.builder().rateLimited(1, 9).rateLimitedNoRetryAfter(1).build());

    ApplicationFailure first = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));
    ApplicationFailure second = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(first.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(first.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(9));
    assertThat(first.getOriginalMessage()).contains("429 (client_10110)");
    assertThat(second.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(second.getNextRetryDelay()).isNull();
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void zoneUsageLimitIsRetryableAndCarriesItsCode() {
    start(UnlockerFaults.builder().zoneLimit(1).build());

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "Bright Data Unlocker answered 502 (client_10100) for"
                + " https://www.bloomberg.com/quote/AAPL:US: Zone usage limit reached");
  }

  @Test
  void gatewayHtmlIsRetryableAndNamedByItsTitle() {
    start(UnlockerFaults.builder().htmlErrorPages(1).build());

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .endsWith(": HTML page \"503 Service Temporarily Unavailable\"");
  }

  @Test
  void robotPageWith403IsATargetBlockNotACredentialsProblem() {
    start(UnlockerFaults.builder().robotPages(1, 403).build());

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .startsWith("Bloomberg blocked the request: Bright Data Unlocker answered 403")
        .contains("Bloomberg - Are you a robot?")
        .doesNotContain("BRIGHTDATA_API_TOKEN");
  }

  @Test
  void robotPageWith200ReachesTheParserWhichRefusesIt() {
    start(UnlockerFaults.builder().robotPages(1, 200).build());

    String page = client.fetch(ZONE, AAPL.bloombergQuoteUrl());
    QuoteUnavailableException e =
        catchThrowableOfType(QuoteUnavailableException.class, () -> parser.parse(AAPL, page));

    assertThat(e.reason()).isEqualTo(Reason.ROBOT_PAGE);
    assertThat(fake.billedRequests()).isZero();
  }

  @Test
  void unknownSymbolIsNotFound() {
    start(UnlockerFaults.none());

    ApplicationFailure failure =
        failure(() -> client.fetch(ZONE, "https://www.bloomberg.com/quote/NOPE:US"));

    assertThat(failure.getType()).isEqualTo(Failures.NOT_FOUND);
  }

  @Test
  void bodyStalledPastTheCallTimeoutIsABilledPageLost() {
    start(
        UnlockerFaults.builder().slowBodyMillis(5_000).build(),
        new UnlockerClient.Settings(
            Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(600), 8_000_000));

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    // The 200 came, so Bright Data billed the page; the caller books it as spent and retries.
    assertThat(failure.getType()).isEqualTo(Failures.PAID_ANSWER_LOST);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "Bright Data Unlocker answered 200 for https://www.bloomberg.com/quote/AAPL:US but the"
                + " page was lost on the way");
  }

  @Test
  void pageLargerThanTheLimitIsRefused() {
    start(
        UnlockerFaults.none(),
        new UnlockerClient.Settings(
            Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20), 100_000));

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).endsWith("is larger than 100000 bytes");
  }

  @Test
  void configFromEnvironmentUsesTheSandboxWithoutAToken() {
    UnlockerConfig sandbox =
        UnlockerConfig.fromEnvironment(java.util.Map.of(), null, "http://127.0.0.1:1");
    UnlockerConfig real =
        UnlockerConfig.fromEnvironment(
            java.util.Map.of("BRIGHTDATA_API_TOKEN", "tok", "BRIGHTDATA_UNLOCKER_ZONE", "z2"),
            "z1",
            "http://127.0.0.1:1");

    assertThat(sandbox.isSandbox()).isTrue();
    assertThat(sandbox.zone()).isEqualTo(FakeUnlocker.ZONE);
    assertThat(real.isSandbox()).isFalse();
    assertThat(real.zone()).isEqualTo("z2");
    assertThat(real.baseUrl()).isEqualTo("https://api.brightdata.com");
    assertThat(real.toString()).doesNotContain("tok,").contains("token=***");
    assertThat(Set.of(sandbox.baseUrl())).containsExactly("http://127.0.0.1:1");
  }

  @Test
  void bodyCutOffMidwayIsABilledPageLost() {
    start(UnlockerFaults.builder().truncateBody(true).build());

    ApplicationFailure failure = failure(() -> client.fetch(ZONE, AAPL.bloombergQuoteUrl()));

    assertThat(failure.getType()).isEqualTo(Failures.PAID_ANSWER_LOST);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(fake.billedRequests()).isEqualTo(1);
  }

  @Test
  void targetErrorPageIsFetchedButHoldsNoQuote() {
    start(UnlockerFaults.builder().targetErrorPages(1).build());

    String page = client.fetch(ZONE, AAPL.bloombergQuoteUrl());
    QuoteUnavailableException e =
        catchThrowableOfType(QuoteUnavailableException.class, () -> parser.parse(AAPL, page));

    assertThat(e.reason()).isEqualTo(Reason.NO_QUOTE);
    assertThat(fake.billedRequests()).isEqualTo(1);
  }
}
