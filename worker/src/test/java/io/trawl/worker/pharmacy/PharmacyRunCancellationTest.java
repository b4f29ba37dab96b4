package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancelling a run while its actor run is going aborts the actor run: Apify stops billing. */
class PharmacyRunCancellationTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void cancellingDuringCollectionAbortsTheActorRunAndMarksTheRunCancelled() {
    PharmacyRunRequest request =
        PharmacyRunRequest.of(List.of("pharmacy"), List.of("San Francisco, CA"));
    // The actor run would go on for about 17 minutes; each long-poll holds 600 ms.
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(),
            ApifyFaults.builder().runSeconds(100_000).millisPerSecond(10).build())) {
      stack.startWorker(CallBudgets.DEFAULTS);
      PharmacyRunWorkflow run = stack.newRun(request);
      WorkflowClient.start(run::run, request);
      await().atMost(Duration.ofSeconds(30)).until(() -> stack.apify.requests(FakeApify.RUN) >= 1);

      WorkflowStub.fromTyped(run).cancel();

      assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(PharmacyRunResult.class))
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(CanceledFailure.class);
      assertThat(stack.apify.runsStarted()).isEqualTo(1);
      assertThat(stack.apify.runsAborted()).isEqualTo(1);
      assertThat(stack.text("SELECT status FROM pharmacy_runs")).isEqualTo("cancelled");
      assertThat(stack.count("SELECT count(*) FROM pharmacy_stage")).isZero();
    }
  }
}
