package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowFailedException;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.config.CallBudgets;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The original's resume test: verification fails, the run ends failed with its first three stages
 * recorded, and running the same search again verifies without a second paid actor run.
 */
class PharmacyRunResumeTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final PharmacyRunRequest SAN_FRANCISCO =
      PharmacyRunRequest.of(List.of("pharmacy"), List.of("San Francisco, CA"));

  @Test
  void aFailedVerificationIsResumedByTheNextRunWithoutASecondActorRun() {
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build())) {
      stack.startWorker(CallBudgets.DEFAULTS);
      stack.places.faults(PlacesFaults.none().withPermissionDenied(true));

      assertThatThrownBy(() -> stack.newRun(SAN_FRANCISCO).run(SAN_FRANCISCO))
          .isInstanceOf(WorkflowFailedException.class)
          .satisfies(e -> assertThat(Failures.describe(e)).contains("GOOGLE_PLACES_API_KEY"));
      long runId = stack.count("SELECT id FROM pharmacy_runs");
      assertThat(stack.text("SELECT status FROM pharmacy_runs")).isEqualTo("failed");
      assertThat(stack.text("SELECT error FROM pharmacy_runs")).contains("403");
      assertThat(stack.text("SELECT string_agg(stage, ',' ORDER BY stage) FROM pharmacy_stage"))
          .isEqualTo("classification,collection,dedup");
      assertThat(stack.apify.runsStarted()).isEqualTo(1);

      stack.places.faults(PlacesFaults.none());
      long lookupsBefore = stack.places.requests();
      PharmacyRunResult resumed = stack.newRun(SAN_FRANCISCO).run(SAN_FRANCISCO);

      assertThat(resumed.runId()).isEqualTo(runId);
      assertThat(resumed.resumed()).isTrue();
      assertThat(resumed.status()).isEqualTo("completed");
      assertThat(resumed.verified()).isPositive();
      assertThat(resumed.unverified()).isZero();
      assertThat(stack.apify.runsStarted()).isEqualTo(1);
      assertThat(stack.places.requests() - lookupsBefore).isEqualTo(resumed.unique());
      assertThat(stack.count("SELECT count(*) FROM pharmacy_stage")).isEqualTo(4);
    }
  }
}
