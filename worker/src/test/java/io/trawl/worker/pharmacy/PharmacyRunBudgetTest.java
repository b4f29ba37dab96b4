package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Money limits under concurrency, on the whole pipeline: the apify daily budget and a run's cost
 * cap let exactly the actor runs they afford start, and refuse the rest before any call with a
 * message that says what is spent, what the limit is and what the call needs.
 */
class PharmacyRunBudgetTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  // Every search finds exactly 25 places, so an actor run costs its reservation:
  // $0.007 + 25 × $0.004 = $0.107, and $0.45 affords four ($0.428) but not five.
  private static final BigDecimal FOUR_ACTOR_RUNS = new BigDecimal("0.45");

  private PharmacyTestStack stack;

  @BeforeEach
  void setUp() {
    stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(25),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).preliminaryReads(0).build());
  }

  @AfterEach
  void tearDown() {
    stack.close();
  }

  @Test
  void tenConcurrentRunsOnADailyBudgetForFourActorRunsStartExactlyFour() {
    stack.startWorker(
        Map.of("apify", FOUR_ACTOR_RUNS, "places", BigDecimal.TEN, "llm", BigDecimal.ONE));
    List<PharmacyRunWorkflow> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      PharmacyRunRequest request = unverified(List.of("pharmacy"), List.of("Town " + i + ", CA"));
      PharmacyRunWorkflow run = stack.newRun(request);
      WorkflowClient.start(run::run, request);
      runs.add(run);
    }

    int completed = 0;
    List<ApplicationFailure> refusals = new ArrayList<>();
    for (PharmacyRunWorkflow run : runs) {
      WorkflowStub stub = WorkflowStub.fromTyped(run);
      WorkflowFailedException failed =
          catchThrowableOfType(
              WorkflowFailedException.class, () -> stub.getResult(PharmacyRunResult.class));
      if (failed == null) {
        completed++;
      } else {
        refusals.add(applicationFailure(failed));
      }
    }

    assertThat(stack.apify.runsStarted()).isEqualTo(4);
    assertThat(completed).isEqualTo(4);
    assertThat(refusals).hasSize(6);
    assertThat(refusals)
        .allSatisfy(
            refusal -> {
              assertThat(refusal.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
              assertThat(refusal.getOriginalMessage())
                  .contains("daily budget of apify-sandbox is exhausted")
                  .contains("$0.43 of $0.45")
                  .contains("is spent or held")
                  .contains("this call needs $0.11")
                  .contains("budgets.apify.daily_usd");
            });
    assertThat(stack.count("SELECT count(*) FROM pharmacy_runs WHERE status = 'failed'"))
        .isEqualTo(6);
    assertThat(
            stack.count(
                "SELECT count(*) FROM pharmacy_runs WHERE status = 'failed'"
                    + " AND error LIKE '%daily budget of apify-sandbox is exhausted%'"))
        .isEqualTo(6);
    assertThat(committed("apify-sandbox")).isEqualByComparingTo("0.428");
    assertThat(committed("apify-sandbox")).isLessThanOrEqualTo(FOUR_ACTOR_RUNS);
  }

  @Test
  void aRunCapForOneActorRunStartsOneOfTheRunsSearches() {
    stack.startWorker(
        Map.of("apify", BigDecimal.TEN, "places", BigDecimal.TEN, "llm", BigDecimal.ONE));
    PharmacyRunRequest request =
        new PharmacyRunRequest(
            List.of("pharmacy"),
            List.of("Town 1, CA", "Town 2, CA", "Town 3, CA", "Town 4, CA"),
            false,
            null,
            null,
            new BigDecimal("0.15"),
            null,
            null);

    WorkflowFailedException failed =
        catchThrowableOfType(
            WorkflowFailedException.class, () -> stack.newRun(request).run(request));

    assertThat(failed).isNotNull();
    ApplicationFailure refusal = applicationFailure(failed);
    assertThat(refusal.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
    assertThat(refusal.getOriginalMessage())
        .contains("cost cap of $0.15")
        .contains("$0.11 is spent or held by the run")
        .contains("needs $0.11")
        .contains("--max-cost");
    assertThat(stack.apify.runsStarted()).isEqualTo(1);
    assertThat(stack.text("SELECT status FROM pharmacy_runs")).isEqualTo("failed");
    assertThat(committed("apify-sandbox")).isLessThanOrEqualTo(new BigDecimal("0.15"));
  }

  @Test
  void anActorRunSettlesAtItsFinalCostWhenTheFirstReadsAfterItsFinishArePreliminary() {
    // Apify's first reads of a finished run may show a lower, preliminary usage (PROVIDERS.md §2).
    stack.apify.faults(
        ApifyFaults.builder().runSeconds(2).millisPerSecond(20).preliminaryReads(3).build());
    stack.startWorker(
        Map.of("apify", BigDecimal.TEN, "places", BigDecimal.TEN, "llm", BigDecimal.ONE));
    PharmacyRunRequest request = unverified(List.of("pharmacy"), List.of("Town 1, CA"));

    PharmacyRunResult result = stack.newRun(request).run(request);

    assertThat(result.collected()).isEqualTo(25);
    assertThat(committed("apify-sandbox")).isEqualByComparingTo("0.107");
    assertThat(result.costUsd()).isEqualByComparingTo("0.107");
  }

  private static PharmacyRunRequest unverified(List<String> queries, List<String> locations) {
    return new PharmacyRunRequest(queries, locations, false, null, null, null, null, null);
  }

  private static ApplicationFailure applicationFailure(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof ApplicationFailure application) {
        return application;
      }
    }
    throw new AssertionError("no ApplicationFailure in " + failure, failure);
  }

  /** Settled plus held in the scope: what the day's budget can no longer give. */
  private BigDecimal committed(String scope) {
    String cents =
        stack.text(
            "SELECT coalesce(sum(CASE state WHEN 'settled' THEN cost_usd"
                + " WHEN 'reserved' THEN reserved_usd ELSE 0 END), 0)"
                + " FROM cost_ledger WHERE scope = '"
                + scope
                + "'");
    return new BigDecimal(cents);
  }
}
