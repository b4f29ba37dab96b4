package io.trawl.activities.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.market.store.QuoteRepository;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteOutcome;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.market.SourceAttempt;
import io.trawl.workflows.market.SourceAttempts;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source chain against both market sandboxes over loopback HTTP and real PostgreSQL. */
class QuoteChainTest {
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

  private MarketSandboxes start(UnlockerFaults unlocker, YahooFaults yahoo) {
    market = new MarketSandboxes(db.getTestDatabase(), unlocker, yahoo);
    return market;
  }

  private QuoteOutcome quote(String symbol) {
    return market.chain.fetch(new QuoteLookup(symbol, false, null));
  }

  private QuoteOutcome fresh(String symbol) {
    return market.chain.fetch(new QuoteLookup(symbol, true, null));
  }

  @Test
  void servesFromBrightDataFirstThenFromTheCacheWithinTheTtlAndFetchesAgainAfterIt() {
    start(UnlockerFaults.none(), YahooFaults.none());

    QuoteOutcome first = quote("AAPL:US");
    assertThat(first.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(first.quote().costUsd()).isEqualByComparingTo("0.0015");
    assertThat(first.attempts())
        .extracting(SourceAttempt::source, SourceAttempt::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(QuoteSource.CACHE, SourceAttempt.FAILURE),
            org.assertj.core.groups.Tuple.tuple(QuoteSource.BRIGHT_DATA, SourceAttempt.SUCCESS));

    market.clock.advance(Duration.ofMinutes(14));
    QuoteOutcome cached = quote("AAPL:US");
    assertThat(cached.quote().source()).isEqualTo(QuoteSource.CACHE);
    assertThat(cached.quote().costUsd()).isEqualByComparingTo("0");
    assertThat(cached.quote().price()).isEqualByComparingTo(first.quote().price());
    assertThat(market.unlocker.requests()).isEqualTo(1);

    market.clock.advance(Duration.ofMinutes(2));
    QuoteOutcome again = quote("AAPL:US");
    assertThat(again.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(market.unlocker.requests()).isEqualTo(2);
    assertThat(new QuoteRepository(db.getTestDatabase()).count("AAPL:US")).isEqualTo(2);
  }

  @Test
  void freshSkipsTheCacheAndAForcedSourceAsksOnlyThatSource() {
    start(UnlockerFaults.none(), YahooFaults.none());
    quote("MSFT:US");

    QuoteOutcome fresh = fresh("MSFT:US");
    assertThat(fresh.quote().source()).isEqualTo(QuoteSource.BRIGHT_DATA);
    QuoteOutcome yahoo = market.chain.fetch(new QuoteLookup("MSFT:US", false, QuoteSource.YAHOO));

    assertThat(yahoo.quote().source()).isEqualTo(QuoteSource.YAHOO);
    assertThat(yahoo.quote().costUsd()).isEqualByComparingTo("0");
    assertThat(yahoo.attempts()).hasSize(1);
    assertThat(market.unlocker.requests()).isEqualTo(2);
    assertThat(market.yahoo.requests()).isEqualTo(1);
  }

  @Test
  void robotPagesFallBackToYahooAndOpenTheBrightDataBreakerAfterThree() {
    start(UnlockerFaults.builder().alwaysRobot(true).build(), YahooFaults.none());
    List<QuoteOutcome> outcomes = new ArrayList<>();
    for (String symbol : List.of("AAPL:US", "MSFT:US", "GOOGL:US", "AMZN:US")) {
      outcomes.add(quote(symbol));
    }

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.quote().source()).isEqualTo(QuoteSource.YAHOO));
    assertThat(outcomes.get(0).attempts().get(1).reason()).contains("robot");
    assertThat(outcomes.get(3).attempts().get(1).outcome()).isEqualTo(SourceAttempt.BREAKER_OPEN);
    assertThat(market.unlocker.requests()).as("no request once the breaker is open").isEqualTo(3);
    assertThat(market.breaker(QuoteSource.BRIGHT_DATA).state()).isEqualTo("open");
    assertThat(rows("SELECT from_state || '->' || to_state FROM market_breaker_events"))
        .containsExactly("closed->open");
    assertThat(rows("SELECT cost_usd::text FROM market_calls WHERE source = 'bright_data'"))
        .as("robot pages are not billed")
        .containsOnly("0.000000");
  }

  @Test
  void anExhaustedBudgetServesFromFreeSourcesAndMakesNoPaidRequest() {
    market =
        new MarketSandboxes(
            db.getTestDatabase(),
            UnlockerFaults.none(),
            YahooFaults.none(),
            new BigDecimal("0.003"),
            QuoteChain.Settings.DEFAULT_ORDER);
    List<QuoteOutcome> outcomes = new ArrayList<>();
    for (String symbol : List.of("AAPL:US", "MSFT:US", "GOOGL:US", "AMZN:US", "NVDA:US")) {
      outcomes.add(quote(symbol));
    }

    assertThat(outcomes)
        .extracting(o -> o.quote().source())
        .containsExactly(
            QuoteSource.BRIGHT_DATA,
            QuoteSource.BRIGHT_DATA,
            QuoteSource.YAHOO,
            QuoteSource.YAHOO,
            QuoteSource.YAHOO);
    assertThat(market.unlocker.requests()).isEqualTo(2);
    assertThat(outcomes.get(2).budgetRefused()).isTrue();
    String refusal = outcomes.get(2).attempts().get(1).reason();
    assertThat(refusal)
        .contains("usage 2 requests", "limit $0.0030", "spent $0.0030")
        .contains("budgets.brightdata-unlocker.daily_usd");
    assertThat(rows("SELECT outcome FROM market_calls WHERE outcome = 'budget_refused'"))
        .as("the ledger is asked once; the rest of the day skips the paid source")
        .hasSize(1);
  }

  @Test
  void aForcedBrightDataRequestOverBudgetFailsAsBudgetExhausted() {
    market =
        new MarketSandboxes(
            db.getTestDatabase(),
            UnlockerFaults.none(),
            YahooFaults.none(),
            BigDecimal.ZERO,
            QuoteChain.Settings.DEFAULT_ORDER);

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> market.chain.fetch(new QuoteLookup("AAPL:US", true, QuoteSource.BRIGHT_DATA)));

    assertThat(failure.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(market.unlocker.requests()).isZero();
  }

  @Test
  void everySourceDownFailsRetryableUntilTheFirstBreakerHalfOpens() {
    start(
        UnlockerFaults.builder().alwaysRobot(true).build(),
        YahooFaults.builder().faultRate(0).outagePages(100, 503).build());
    for (String symbol : List.of("AAPL:US", "MSFT:US", "GOOGL:US", "AMZN:US", "NVDA:US")) {
      catchThrowableOfType(ApplicationFailure.class, () -> fresh(symbol));
    }
    assertThat(market.breaker(QuoteSource.YAHOO).isOpen()).isTrue();
    assertThat(market.breaker(QuoteSource.BRIGHT_DATA).isOpen()).isTrue();
    market.clock.advance(Duration.ofSeconds(10));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> fresh("META:US"));

    assertThat(failure.getType()).isEqualTo(Failures.QUOTE_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(50));
    SourceAttempts attempts = failure.getDetails().get(0, SourceAttempts.class);
    assertThat(attempts.attempts())
        .extracting(SourceAttempt::outcome)
        .containsExactly(
            SourceAttempt.SKIPPED, SourceAttempt.BREAKER_OPEN, SourceAttempt.BREAKER_OPEN);
  }

  @Test
  void aRefusedTokenFallsBackToYahooNamingTheVariableWithoutTrippingTheBreaker() {
    start(UnlockerFaults.builder().invalidToken(true).build(), YahooFaults.none());
    for (String symbol : List.of("AAPL:US", "MSFT:US", "GOOGL:US", "AMZN:US")) {
      QuoteOutcome outcome = fresh(symbol);
      assertThat(outcome.quote().source()).isEqualTo(QuoteSource.YAHOO);
      assertThat(outcome.attempts().get(1).reason()).contains("BRIGHTDATA_API_TOKEN");
    }

    assertThat(market.breaker(QuoteSource.BRIGHT_DATA).state()).isEqualTo("closed");
    ApplicationFailure forced =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> market.chain.fetch(new QuoteLookup("AAPL:US", true, QuoteSource.BRIGHT_DATA)));
    assertThat(forced.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(forced.isNonRetryable()).isTrue();
  }

  private List<String> rows(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return values;
  }
}
