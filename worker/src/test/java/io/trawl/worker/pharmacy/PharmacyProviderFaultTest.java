package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.SkuTier;
import io.trawl.worker.faults.ActivityRetries;
import io.trawl.worker.faults.ActivityRetries.Retried;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.worker.pharmacy.PharmacyFaultRows.Row;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pharmacy pipeline under every Apify, Places and LLM fault the sandboxes can inject, one row
 * per knob: the run completes or fails with a typed, readable error; the step the fault hits was
 * retried a bounded number of times with at least its backoff (or RetryInfo delay) between calls;
 * Apify started the actor runs the row names and Places billed what the ledger booked (or names the
 * answers lost on the way); a failed run leaves no staged items and no money held.
 */
class PharmacyProviderFaultTest {
  private static final PharmacyRunRequest RUN =
      new PharmacyRunRequest(
          List.of("pharmacy"), List.of("Town 1, CA"), true, null, true, null, null, null);
  private static final Map<String, BigDecimal> BUDGETS =
      Map.of("apify", BigDecimal.TEN, "places", BigDecimal.TEN, "llm", BigDecimal.ONE);

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private PharmacyTestStack stack;

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.trawl.worker.pharmacy.PharmacyFaultRows#all")
  void endsAsTheTableSaysAndPaysEachCallOnce(Row row) {
    stack =
        new PharmacyTestStack(
            db.getTestDatabase(), new MapsUniverse(25), PharmacyFaultRows.quick().build());
    row.arm().accept(stack);
    if (row.withLlm()) {
      stack.startWorkerWithLlm(BUDGETS, PharmacyFaultRows.LLM);
    } else {
      stack.startWorker(BUDGETS);
    }

    PharmacyRunResult[] result = new PharmacyRunResult[1];
    WorkflowFailedException failed =
        catchThrowableOfType(
            WorkflowFailedException.class, () -> result[0] = stack.newRun(RUN).run(RUN));

    long runId = stack.count("SELECT max(id) FROM pharmacy_runs");
    String status = stack.text("SELECT status FROM pharmacy_runs WHERE id = " + runId);
    if (row.expected().completes()) {
      assertThat(failed).as("the run fails with %s", FaultOutcome.describe(failed)).isNull();
      assertThat(status).isEqualTo("completed");
      if (row.check() != null) {
        row.check().accept(result[0]);
      }
    } else {
      assertThat(failed).as("the run fails").isNotNull();
      ApplicationFailure failure = FaultOutcome.applicationFailure(failed);
      assertThat(failure.getType()).isEqualTo(row.expected().failureType());
      assertThat(failure.getOriginalMessage()).contains(row.expected().says());
      assertThat(status).isEqualTo("failed");
      assertThat(stack.text("SELECT error FROM pharmacy_runs WHERE id = " + runId))
          .contains(row.expected().says());
      // Lookups already in flight when the run failed give their reservations back as they end.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          stack.count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'"))
                      .as("money still held")
                      .isZero());
      // Completed stages stay (a resumed run continues from verification); staging does not.
      assertThat(stack.count("SELECT count(*) FROM pharmacy_staging")).as("staged items").isZero();
    }
    assertThat(stack.apify.runsStarted()).as("paid actor runs").isEqualTo(row.actorRuns());
    List<Retried> lookups =
        ActivityRetries.ofType(
            stack.client(), RUN.workflowId() + "/verify-" + runId + "-0", "VerifyPlace");
    long settled =
        stack.count(
            "SELECT count(*) FROM cost_ledger WHERE state = 'settled' AND scope LIKE 'places%'");
    // One per lookup, and one per lost answer (those are retried, so among the row's retries).
    assertThat(settled)
        .as("Places lookups in the ledger")
        .isLessThanOrEqualTo(lookups.size() + (long) row.retries());
    assertThat(stack.places.billed(SkuTier.PRO))
        .as("Places lookups billed, the ones whose answer was lost on the way among them")
        .isEqualTo(settled);
    if (row.withLlm()) {
      assertThat(ActivityRetries.ofType(stack.client(), RUN.workflowId(), "Reclassify"))
          .as("places the rules were unsure of, asked about")
          .isNotEmpty();
    }
    if (row.retried() != null) {
      List<Retried> retried =
          row.retried().equals("VerifyPlace")
              ? lookups
              : ActivityRetries.ofType(stack.client(), RUN.workflowId(), row.retried());
      assertThat(retried.stream().mapToInt(r -> r.attempts() - 1).sum())
          .as("failed calls of " + row.retried())
          .isEqualTo(row.retries());
      if (row.backoff() != null) {
        assertThat(retried)
            .allSatisfy(
                r ->
                    assertThat(r.waited())
                        .as("waits of %s before attempt %d", r.type(), r.attempts())
                        .isGreaterThanOrEqualTo(row.backoff().before(r.attempts() - 1)));
      }
    }
  }
}
