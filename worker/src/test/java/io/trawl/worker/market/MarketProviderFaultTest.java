package io.trawl.worker.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.faults.ActivityRetries;
import io.trawl.worker.faults.ActivityRetries.Backoff;
import io.trawl.worker.faults.ActivityRetries.Retried;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The market pipeline under every Unlocker and Yahoo fault the sandboxes can inject, one row per
 * knob, on a collection of the five default symbols one at a time: which source quoted each symbol
 * (a Bloomberg page that fails falls back to Yahoo), which symbols went without, how many pages
 * Bright Data billed, and how often a symbol whose every source failed was fetched again, with at
 * least the retry policy's backoff (or the breaker's wait) between tries. A quote row exists for
 * every quoted symbol and for no other.
 */
class MarketProviderFaultTest {
  private static final int SYMBOLS = 5;
  private static final UnlockerFaults ROBOT = UnlockerFaults.builder().alwaysRobot(true).build();
  private static final Backoff COLLECTION = Backoff.exponential(Duration.ofSeconds(5));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private MarketTestStack stack;

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * One knob and what it must lead to.
   *
   * @param knob the fault, as a reader of the table says it
   * @param unlocker the Unlocker sandbox's faults
   * @param yahoo the Yahoo sandbox's faults
   * @param bySource quotes per source
   * @param failed symbols without a quote
   * @param paidPages Bloomberg pages the Unlocker billed
   * @param retries failed tries of the collection's FetchQuote activities, over all symbols
   * @param backoff the least wait before each retry; null when there are none
   */
  record Row(
      String knob,
      UnlockerFaults unlocker,
      YahooFaults yahoo,
      Map<String, Integer> bySource,
      List<String> failed,
      long paidPages,
      int retries,
      Backoff backoff) {
    @Override
    public String toString() {
      return knob
          + " → quotes "
          + bySource
          + (failed.isEmpty() ? "" : ", unquoted " + failed)
          + ", paid pages "
          + paidPages;
    }
  }

  private static YahooFaults yahoo() {
    return YahooFaults.none();
  }

  static List<Row> faults() {
    return List.of(
        new Row(
            "Unlocker robot page with 200 ×2",
            UnlockerFaults.builder().robotPages(2, 200).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker robot page with 403 ×2",
            UnlockerFaults.builder().robotPages(2, 403).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker 429 with Retry-After 30 s ×2",
            UnlockerFaults.builder().rateLimited(2, 30).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker 429 without Retry-After ×2",
            UnlockerFaults.builder().rateLimitedNoRetryAfter(2).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker 502 zone limit ×2",
            UnlockerFaults.builder().zoneLimit(2).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker 503 HTML error page ×2",
            UnlockerFaults.builder().htmlErrorPages(2).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker page without a quote (200, billed) ×2",
            UnlockerFaults.builder().targetErrorPages(2).build(),
            yahoo(),
            Map.of("bright_data", 3, "yahoo", 2),
            List.of(),
            5,
            0,
            null),
        new Row(
            "Unlocker page cut mid-body on every request",
            UnlockerFaults.builder().truncateBody(true).build(),
            yahoo(),
            Map.of("yahoo", 5),
            List.of(),
            3,
            0,
            null),
        new Row(
            "Unlocker 401 invalid token",
            UnlockerFaults.builder().invalidToken(true).build(),
            yahoo(),
            Map.of("yahoo", 5),
            List.of(),
            0,
            0,
            null),
        new Row(
            "Unlocker robots, Yahoo 503 outage page ×2",
            ROBOT,
            yahoo().toBuilder().outagePages(2, 503).build(),
            Map.of("yahoo", 5),
            List.of(),
            0,
            2,
            COLLECTION),
        new Row(
            "Unlocker robots, Yahoo outage page with 200 ×2",
            ROBOT,
            yahoo().toBuilder().outagePages(2, 200).build(),
            Map.of("yahoo", 5),
            List.of(),
            0,
            2,
            COLLECTION),
        new Row(
            "Unlocker robots, Yahoo 429 ×2",
            ROBOT,
            yahoo().toBuilder().rateLimited(2).build(),
            Map.of("yahoo", 5),
            List.of(),
            0,
            2,
            COLLECTION),
        new Row(
            "Unlocker robots, Yahoo 422 on every request",
            ROBOT,
            yahoo().toBuilder().unprocessable(1_000).build(),
            Map.of(),
            List.of("AAPL:US", "MSFT:US", "EURUSD:CUR", "GC1:COM", "SPX:IND"),
            0,
            10,
            COLLECTION),
        new Row(
            "Unlocker robots, Yahoo chart with meta only (no bars)",
            ROBOT,
            yahoo().toBuilder().metaOnly(true).build(),
            Map.of("yahoo", 5),
            List.of(),
            0,
            0,
            null),
        new Row(
            "Unlocker robots, Yahoo body cut on every request",
            ROBOT,
            yahoo().toBuilder().truncateBody(true).build(),
            Map.of(),
            List.of("AAPL:US", "MSFT:US", "EURUSD:CUR", "GC1:COM", "SPX:IND"),
            0,
            10,
            COLLECTION));
  }

  /** Unlocker pages the ledger booked as paid. */
  private long booked() {
    return FaultOutcome.count(
        db.getTestDatabase(),
        "SELECT count(*) FROM cost_ledger WHERE state = 'settled' AND cost_usd > 0"
            + " AND scope LIKE 'brightdata-unlocker%'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void quotesFromTheSourcesTheTableSaysAndPaysForThePagesBilled(Row row) {
    stack = new MarketTestStack(row.unlocker(), row.yahoo());
    stack.startWorker(db.getTestDatabase());

    MarketCollectionSummary summary = stack.collect(1);

    List<Retried> fetches =
        ActivityRetries.ofType(stack.client(), MarketCollectionRequest.WORKFLOW_ID, "FetchQuote");
    int retries = fetches.stream().mapToInt(r -> r.attempts() - 1).sum();
    String seen =
        summary.describe()
            + ", unquoted "
            + summary.failedSymbols()
            + ", paid pages "
            + stack.unlocker.billedRequests()
            + ", booked "
            + booked()
            + ", retries "
            + retries;

    assertThat(summary.symbols()).isEqualTo(SYMBOLS);
    assertThat(summary.quotesBySource()).as(seen).isEqualTo(row.bySource());
    assertThat(summary.failedSymbols()).as(seen).containsExactlyInAnyOrderElementsOf(row.failed());
    assertThat(stack.unlocker.billedRequests()).as(seen).isEqualTo(row.paidPages());
    assertThat(booked()).as("pages in the ledger: " + seen).isEqualTo(row.paidPages());
    assertThat(
            FaultOutcome.count(db.getTestDatabase(), "SELECT count(DISTINCT symbol) FROM quotes"))
        .as("symbols with a stored quote")
        .isEqualTo(summary.quoted());
    assertThat(retries).as(seen).isEqualTo(row.retries());
    assertThat(
            FaultOutcome.count(
                db.getTestDatabase(), "SELECT count(*) FROM cost_ledger WHERE state = 'reserved'"))
        .as("reservations still held after the collection")
        .isZero();
    if (row.backoff() != null) {
      assertThat(fetches)
          .allSatisfy(
              r ->
                  assertThat(r.waited())
                      .as("waits before attempt %d", r.attempts())
                      .isGreaterThanOrEqualTo(row.backoff().before(r.attempts() - 1)));
    }
  }
}
