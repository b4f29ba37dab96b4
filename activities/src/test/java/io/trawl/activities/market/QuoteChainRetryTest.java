package io.trawl.activities.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.market.store.UnlockerRequestRepository;
import io.trawl.activities.market.store.UnlockerRequestRepository.Submitted;
import io.trawl.activities.spend.PaidCallAttempt;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteOutcome;
import io.trawl.workflows.market.QuoteSource;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A FetchQuote attempt that dies (a killed worker) leaves what it did in the database; the retry,
 * the next attempt of the same activity, picks it up instead of paying Bright Data again. Each test
 * sets up what a worker killed at one point leaves, then runs attempt 2.
 */
class QuoteChainRetryTest {
  private static final String CALL = "market-collect/2026-12-05T15:00Z/FetchQuote-AAPL";
  private static final String PREFIX = "market/bright_data/AAPL:US/" + CALL + "#";
  private static final QuoteLookup AAPL = new QuoteLookup("AAPL:US", true, null);

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private MarketSandboxes market;

  @AfterEach
  void close() {
    if (market != null) {
      market.close();
    }
  }

  private void start(UnlockerFaults faults) {
    market = new MarketSandboxes(db.getTestDatabase(), faults, YahooFaults.none());
  }

  private static PaidCallAttempt attempt(int number) {
    return new PaidCallAttempt(CALL, number, true);
  }

  @Test
  void aRetryReadsThePageItsKilledAttemptAskedForAndPaysOnce() throws Exception {
    start(UnlockerFaults.builder().latencyMillis(300).build());
    // Attempt 1 reserved, submitted the page request, recorded its id, and died while it was
    // being unlocked.
    market.budget.reserve(PREFIX + "1", MarketSandboxes.COST);
    String id =
        market.unlockerClient.submit(FakeUnlocker.ZONE, "https://www.bloomberg.com/quote/AAPL:US");
    new UnlockerRequestRepository(db.getTestDatabase())
        .save(PREFIX, new Submitted(PREFIX + "1", id));

    QuoteOutcome retried = market.chain.fetch(AAPL, attempt(2));

    assertThat(retried.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(market.unlocker.billedRequests()).as("pages billed").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'"))
        .as("pages in the ledger")
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
    assertThat(count("SELECT count(*) FROM unlocker_requests")).as("requests kept").isZero();
    assertThat(count("SELECT count(*) FROM quotes")).isEqualTo(1);
  }

  @Test
  void aRetryAfterTheQuoteWasStoredReturnsItWithoutAnotherRequest() throws Exception {
    start(UnlockerFaults.none());
    // Attempt 1 got and stored its quote, then died before it could return it.
    QuoteOutcome first = market.chain.fetch(AAPL, attempt(1));

    QuoteOutcome retried = market.chain.fetch(AAPL, attempt(2));

    assertThat(retried.quote().price()).isEqualByComparingTo(first.quote().price());
    assertThat(retried.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(market.unlocker.billedRequests()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quotes")).as("quotes stored").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'")).isEqualTo(1);
  }

  @Test
  void aRetryGivesBackTheReservationOfAnAttemptThatDiedBeforeItsRequestLeft() throws Exception {
    start(UnlockerFaults.none());
    // Attempt 1 reserved and died before it wrote its request: Bright Data never saw it.
    market.budget.reserve(PREFIX + "1", MarketSandboxes.COST);

    market.chain.fetch(AAPL, attempt(2));

    assertThat(market.unlocker.billedRequests()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'"))
        .as("only the retry's page")
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'released'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
  }

  @Test
  void aRetryBooksAnAttemptWhoseRequestLeftButWhoseIdWasNeverRecorded() throws Exception {
    start(UnlockerFaults.none());
    // Attempt 1 started writing its request and died before it recorded the response id: Bright
    // Data may have it and bill it, so the ledger counts it rather than risk missing a bill.
    market.budget.reserve(PREFIX + "1", MarketSandboxes.COST);
    market.budget.markSent(PREFIX + "1");

    market.chain.fetch(AAPL, attempt(2));

    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'"))
        .as("the attempt that may have been billed, and the retry's page")
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
  }

  @Test
  void aSecondRoundAfterEveryAttemptOfTheFirstDiedReadsTheFirstRoundsPageAndPaysOnce()
      throws Exception {
    start(UnlockerFaults.builder().latencyMillis(300).build());
    // Round 1's last attempt (3) reserved, submitted and died while the page was being unlocked;
    // the workflow asks again as round 2 of the same call, a new activity whose attempt is 1.
    market.budget.reserve(PREFIX + "3", MarketSandboxes.COST);
    market.budget.markSent(PREFIX + "3");
    String id =
        market.unlockerClient.submit(FakeUnlocker.ZONE, "https://www.bloomberg.com/quote/AAPL:US");
    new UnlockerRequestRepository(db.getTestDatabase())
        .save(PREFIX, new Submitted(PREFIX + "3", id));
    PaidCallAttempt round2 =
        new PaidCallAttempt("market-collect/x/FetchQuote-7", 1, true).inCall(CALL, 2);

    QuoteOutcome outcome = market.chain.fetch(AAPL, round2);

    assertThat(round2.attempt()).isEqualTo(PaidCallAttempt.ROUND_SPAN + 1);
    assertThat(outcome.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(market.unlocker.billedRequests()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
    assertThat(count("SELECT count(*) FROM quotes WHERE fetch_key = '" + CALL + "'"))
        .as("the quote carries the call's key, shared by its rounds")
        .isEqualTo(1);
  }

  @Test
  void aSecondRoundAfterTheFirstStoredItsQuoteReturnsItWithoutAnotherRequest() throws Exception {
    start(UnlockerFaults.none());
    QuoteOutcome first =
        market.chain.fetch(AAPL, new PaidCallAttempt("wf/FetchQuote-1", 2, true).inCall(CALL, 1));

    QuoteOutcome second =
        market.chain.fetch(AAPL, new PaidCallAttempt("wf/FetchQuote-9", 1, true).inCall(CALL, 2));

    assertThat(second.quote().price()).isEqualByComparingTo(first.quote().price());
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quotes")).isEqualTo(1);
  }

  @Test
  void theLedgerNotesWhenAPageRequestLeaves() throws Exception {
    start(UnlockerFaults.none());

    market.chain.fetch(AAPL, attempt(1));

    assertThat(count("SELECT count(*) FROM cost_ledger WHERE sent_at IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void aRetryAfterTheQuoteWasStoredButBeforeItsPageWasSettledSettlesItAndAsksNothing()
      throws Exception {
    start(UnlockerFaults.none());
    QuoteOutcome read = market.chain.fetch(AAPL, attempt(1));
    // Put back what attempt 1 leaves when it dies between storing the quote and settling its
    // page: the reservation held, the request recorded.
    execute("UPDATE cost_ledger SET state = 'reserved' WHERE run_key = '" + PREFIX + "1'");
    new UnlockerRequestRepository(db.getTestDatabase())
        .save(PREFIX, new Submitted(PREFIX + "1", "the-request-attempt-1-made"));

    QuoteOutcome retried = market.chain.fetch(AAPL, attempt(2));

    assertThat(retried.quote().price()).isEqualByComparingTo(read.quote().price());
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quotes")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
    assertThat(count("SELECT count(*) FROM unlocker_requests")).isZero();
  }

  @Test
  void aPageCutOnEveryReadIsBookedOnceAndFallsBackToYahoo() throws Exception {
    start(UnlockerFaults.builder().truncateBody(true).build());

    QuoteOutcome outcome = market.chain.fetch(AAPL, attempt(1));

    assertThat(outcome.quote().source()).isEqualTo(QuoteSource.YAHOO);
    assertThat(market.unlocker.requests()).as("page requests made").isEqualTo(1);
    assertThat(market.unlocker.billedRequests()).as("billed once, read three times").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM cost_ledger WHERE state = 'settled'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM unlocker_requests")).isZero();
  }

  private void execute(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
