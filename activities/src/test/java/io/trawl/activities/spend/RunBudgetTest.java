package io.trawl.activities.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily budget on real PostgreSQL: reserve, refuse, settle, release, and races. */
class RunBudgetTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  /** $10 a day, $2 per 1,000 records, each run holds back 1,000 records = $2. */
  private static final RecordPricing PRICING =
      new RecordPricing(
          "brightdata", new BigDecimal("10"), new BigDecimal("2"), 1000, ZoneId.of("UTC"));

  // 23:30 UTC is already the next day in Amsterdam: the zone decides the budget's day.
  private static final Instant NOW = Instant.parse("2026-12-04T23:30:00Z");

  private final List<BudgetStatus> heard = new ArrayList<>();
  private final List<String> paid = new ArrayList<>();
  private SpendLedger ledger;
  private RunBudget budget;

  @BeforeEach
  void setUp() {
    ledger = new SpendLedger(db.getTestDatabase());
    budget = budget(PRICING, false);
  }

  private RunBudget budget(RecordPricing pricing, boolean sandbox) {
    return new RunBudget(
        ledger,
        pricing,
        sandbox,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new SpendListener() {
          @Override
          public void settled(String provider, String mode, long units, BigDecimal costUsd) {
            paid.add(provider + "/" + mode + "/" + units + "/" + costUsd.stripTrailingZeros());
          }

          @Override
          public void budgetChanged(BudgetStatus status) {
            heard.add(status);
          }
        });
  }

  @Test
  void reservesUntilTheDayIsFullThenRefusesNamingTheBudgetAndTheKeyThatRaisesIt() {
    for (int run = 1; run <= 5; run++) {
      budget.reserve("run-" + run);
    }

    assertThatThrownBy(() -> budget.reserve("run-6"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("daily budget of brightdata is exhausted")
                  .contains("$10.00 of $10.00 (100.0 %) on 2026-12-04")
                  .contains("this run needs $2.00")
                  .contains("budgets.brightdata.daily_usd");
            });
    BudgetStatus last = heard.get(heard.size() - 1);
    assertThat(last.reservedUsd()).isEqualByComparingTo("10");
    assertThat(last.remainingUsd()).isEqualByComparingTo("0");
  }

  @Test
  void aRetriedReservationHoldsNothingMore() {
    budget.reserve("run-1");
    BudgetStatus again = budget.reserve("run-1");

    assertThat(again.reservedUsd()).isEqualByComparingTo("2");
  }

  @Test
  void settlingReplacesTheReservationWithWhatTheDeliveryCostOnce() {
    budget.reserve("run-1");
    BudgetStatus settled = budget.settle("run-1", 250);
    BudgetStatus retried = budget.settle("run-1", 250);

    assertThat(settled.reservedUsd()).isEqualByComparingTo("0");
    assertThat(settled.settledUsd()).isEqualByComparingTo("0.5");
    assertThat(retried.settledUsd()).isEqualByComparingTo("0.5");
    assertThat(paid).containsExactly("brightdata/real/250/0.5");
    // What settling gave back can be reserved again.
    for (int run = 2; run <= 5; run++) {
      budget.reserve("run-" + run);
    }
    assertThat(budget.reserve("run-5").remainingUsd()).isEqualByComparingTo("1.5");
  }

  @Test
  void releasingARefusedTriggerGivesTheReservationBack() {
    budget.reserve("run-1");
    budget.release("run-1");

    assertThat(heard.get(heard.size() - 1).reservedUsd()).isEqualByComparingTo("0");
    assertThat(ledger.since(LocalDate.parse("2026-12-01")))
        .singleElement()
        .satisfies(status -> assertThat(status.committedUsd()).isEqualByComparingTo("0"));
  }

  @Test
  void sandboxRunsKeepTheirOwnBudgetSoADemoNeverSpendsTheRealOne() {
    RunBudget sandbox = budget(PRICING, true);
    for (int run = 1; run <= 5; run++) {
      sandbox.reserve("run-" + run);
    }

    BudgetStatus real = budget.reserve("run-1");

    assertThat(real.scope()).isEqualTo("brightdata");
    assertThat(real.reservedUsd()).isEqualByComparingTo("2");
    assertThat(heard.get(heard.size() - 2).scope()).isEqualTo("brightdata-sandbox");
    assertThat(heard.get(heard.size() - 2).mode()).isEqualTo("sandbox");
  }

  @Test
  void theBudgetDayIsTheCalendarDayInTheConfiguredZone() {
    RunBudget amsterdam =
        budget(
            new RecordPricing(
                "brightdata",
                new BigDecimal("10"),
                new BigDecimal("2"),
                1000,
                ZoneId.of("Europe/Amsterdam")),
            false);

    assertThat(amsterdam.reserve("run-1").day()).isEqualTo(LocalDate.parse("2026-12-05"));
    assertThat(budget.reserve("run-2").day()).isEqualTo(LocalDate.parse("2026-12-04"));
  }

  @Test
  void raisingTheLimitInTheConfigCountsTheSameDay() {
    for (int run = 1; run <= 5; run++) {
      budget.reserve("run-" + run);
    }
    RunBudget raised =
        budget(
            new RecordPricing(
                "brightdata", new BigDecimal("20"), new BigDecimal("2"), 1000, ZoneId.of("UTC")),
            false);

    assertThat(raised.reserve("run-6").limitUsd()).isEqualByComparingTo("20");
  }

  @Test
  void concurrentReservationsNeverCommitMoreThanTheLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int run = 1; run <= 20; run++) {
      String key = "race-" + run;
      attempts.add(
          () -> {
            try {
              budget.reserve(key);
              return true;
            } catch (ApplicationFailure refused) {
              return false;
            }
          });
    }
    int granted = 0;
    try {
      for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
        granted += attempt.get() ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(granted).isEqualTo(5);
    assertThat(ledger.since(LocalDate.parse("2026-12-04")).get(0).committedUsd())
        .isEqualByComparingTo("10");
  }
}
