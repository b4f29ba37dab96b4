package io.trawl.activities.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-call budgets and per-run caps on real PostgreSQL, including races. */
class CallBudgetTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  private CallBudget budget(String limit) {
    return new CallBudget(
        new SpendLedger(db.getTestDatabase()),
        "apify",
        new BigDecimal(limit),
        ZoneId.of("UTC"),
        false,
        CLOCK,
        SpendListener.NONE);
  }

  @Test
  void tenConcurrentActorRunsOnABudgetForFourMakeExactlyFour() throws Exception {
    CallBudget budget = budget("0.50");
    BigDecimal actorRun = new BigDecimal("0.107"); // start + 25 places
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "pharmacy-run-" + i + "/apify/search";
      calls.add(
          pool.submit(
              () -> {
                try {
                  budget.reserve(key, actorRun, null);
                  return true;
                } catch (ApplicationFailure refused) {
                  assertThat(refused.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
                  return false;
                }
              }));
    }
    long granted = 0;
    for (Future<Boolean> call : calls) {
      granted += call.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(granted).isEqualTo(4);
    assertThat(committed()).isEqualByComparingTo("0.428");
  }

  @Test
  void theRunCapHoldsAcrossConcurrentCallsOfOneRunAndEveryScope() throws Exception {
    CallBudget places = budget("100");
    SpendLedger.RunCap cap = new SpendLedger.RunCap("pharmacy-run-7/", new BigDecimal("0.10"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = "pharmacy-run-7/places/place-" + i;
      calls.add(
          pool.submit(
              () -> {
                try {
                  places.reserve(key, new BigDecimal("0.032"), cap);
                  return true;
                } catch (ApplicationFailure refused) {
                  assertThat(refused.getOriginalMessage())
                      .contains("cost cap of $0.10")
                      .contains("$0.10 is spent or held by the run")
                      .contains("--max-cost");
                  return false;
                }
              }));
    }
    long granted = 0;
    for (Future<Boolean> call : calls) {
      granted += call.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(granted).isEqualTo(3);
    // Another run's calls are not held to run 7's cap.
    places.reserve(
        "pharmacy-run-70/places/place-1",
        new BigDecimal("0.032"),
        new SpendLedger.RunCap("pharmacy-run-70/", new BigDecimal("0.10")));
  }

  @Test
  void aRetriedReservationHoldsNothingMoreAndARefusalNamesTheKeyToRaise() {
    CallBudget budget = budget("0.05");
    budget.reserve("run/1", new BigDecimal("0.032"), null);
    budget.reserve("run/1", new BigDecimal("0.032"), null);

    assertThatThrownBy(() -> budget.reserve("run/2", new BigDecimal("0.032"), null))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("daily budget of apify is exhausted")
        .hasMessageContaining("budgets.apify.daily_usd");

    budget.settle("run/1", 1, new BigDecimal("0.011"));
    budget.reserve("run/2", new BigDecimal("0.032"), null);
  }

  @Test
  void aRetriedCallBooksTheAttemptThatDiedInFlightAndLeavesFinishedOnesAlone() throws Exception {
    CallBudget places = budget("10");
    BigDecimal lookup = new BigDecimal("0.032");
    String prefix = "pharmacy-run-1/places/p1#";
    // Attempt 1 reserved, sent its lookup and died with it in flight: neither settled nor
    // released.
    places.reserve(places.attemptKey(prefix, 1), lookup, null);
    places.markSent(prefix + "1");
    // Another place's attempt 1 was refused by the provider and released: nothing billed.
    String other = "pharmacy-run-1/places/p10#";
    places.reserve(places.attemptKey(other, 1), lookup, null);
    places.release(other + "1");

    String second = places.attemptKey(prefix, 2);
    places.reserve(second, lookup, null);
    places.settle(second, 1, lookup);
    // A third attempt (the second settled, then its worker died) books nothing more.
    assertThat(places.attemptKey(prefix, 3)).isEqualTo(prefix + "3");

    assertThat(second).isEqualTo(prefix + "2");
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'settled'"))
        .as("the dead attempt and the finished one, both billed")
        .isEqualTo(2);
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'"))
        .as("holds left")
        .isZero();
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'released'"))
        .as("the other place's released attempt, not booked (p10 shares p1's text, not its prefix)")
        .isEqualTo(1);
    assertThat(places.anyAttemptSettled(prefix)).isTrue();
    assertThat(places.anyAttemptSettled(other)).isFalse();
  }

  @Test
  void aRetryGivesBackTheReservationOfAnAttemptThatDiedBeforeItsRequestLeft() throws Exception {
    CallBudget places = budget("10");
    BigDecimal lookup = new BigDecimal("0.032");
    String prefix = "pharmacy-run-1/places/p2#";
    // Attempt 1 reserved and died before its request was written: the provider never saw it.
    places.reserve(places.attemptKey(prefix, 1), lookup, null);

    String second = places.attemptKey(prefix, 2);
    places.reserve(second, lookup, null);
    places.settle(second, 1, lookup);

    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'settled'"))
        .as("only the lookup that was made")
        .isEqualTo(1);
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'released'"))
        .as("the attempt that never sent")
        .isEqualTo(1);
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'")).isZero();
  }

  @Test
  void anAttemptThatStoredItsAnswerAndDiedBeforeSettlingIsSettledByItsRetry() throws Exception {
    CallBudget places = budget("10");
    BigDecimal lookup = new BigDecimal("0.032");
    String prefix = "pharmacy-run-1/places/p3#";
    places.reserve(places.attemptKey(prefix, 1), lookup, null);
    places.markSent(prefix + "1");

    boolean storedBeforeItLeft =
        places.settleAnswered(prefix, java.time.Instant.now().minusSeconds(3600), lookup);
    boolean storedAfter =
        places.settleAnswered(prefix, java.time.Instant.now().plusSeconds(5), lookup);

    assertThat(storedBeforeItLeft)
        .as("an answer older than the request is not its answer")
        .isFalse();
    assertThat(storedAfter).isTrue();
    assertThat(ledger("SELECT count(*) FROM cost_ledger WHERE state = 'settled'")).isEqualTo(1);
    assertThat(places.anyAttemptSettled(prefix)).isTrue();
  }

  private long ledger(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private BigDecimal committed() throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT sum(reserved_usd) FROM cost_ledger WHERE state = 'reserved'")) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }
}
