package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker stopped while its run waits for the actor runs, and a new worker that completes the run:
 * the recorded Apify run ids are reused, so every search still pays for one actor run. On the real
 * dev server: the Java test server keeps handing tasks to the stopped worker's abandoned polls.
 *
 * <p>The worker stops as a deploy stops it ({@code shutdown}: no new tasks, the long-polls in
 * flight answer). A killed worker's long-poll is lost with it and retried only after {@code
 * APIFY_WAIT}'s two-minute start-to-close timeout: the same outcome, two minutes later.
 */
class PharmacyRunWorkerRestartTest {
  @RegisterExtension static final DevServerExtension server = new DevServerExtension();

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void aNewWorkerCompletesARunStoppedDuringCollectionWithOneActorRunPerSearch() throws Exception {
    PharmacyRunRequest request =
        new PharmacyRunRequest(
            List.of("drugstore", "pharmacy"),
            List.of("San Francisco, CA"),
            false,
            null,
            null,
            null,
            null,
            null);
    // Actor runs take 3 s; a long-poll holds at most 600 ms of it.
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(),
            ApifyFaults.builder().runSeconds(300).millisPerSecond(10).build(),
            server.workflowClient())) {
      WorkerFactory first = stack.startWorker(CallBudgets.DEFAULTS);
      PharmacyRunWorkflow run = stack.newRun(request);
      WorkflowClient.start(run::run, request);
      await().atMost(Duration.ofSeconds(30)).until(() -> stack.apify.requests(FakeApify.RUN) >= 2);

      first.shutdown();
      first.awaitTermination(10, TimeUnit.SECONDS);
      long startsBeforeRestart = stack.apify.runsStarted();
      stack.startWorker(CallBudgets.DEFAULTS);
      PharmacyRunResult result = WorkflowStub.fromTyped(run).getResult(PharmacyRunResult.class);

      assertThat(startsBeforeRestart).isEqualTo(2);
      assertThat(result.status()).isEqualTo("completed");
      assertThat(result.collected()).isPositive();
      assertThat(stack.apify.runsStarted()).isEqualTo(2);
      assertThat(stack.apify.runsAborted()).isZero();
      assertThat(
              stack.count(
                  "SELECT count(DISTINCT apify_run_id) FROM pharmacy_searches"
                      + " WHERE staged_at IS NOT NULL"))
          .isEqualTo(2);
    }
  }
}
