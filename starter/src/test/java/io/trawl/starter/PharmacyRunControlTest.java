package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.PharmacyRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs retry} for a pharmacy run: the same search starts again and skips the stages it
 * recorded (no second Apify run); {@code runs} lists pharmacy runs beside the others.
 */
class PharmacyRunControlTest {
  private static final String WORKFLOW_ID = "pharmacy-run/pharmacy/san-francisco-ca";

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  private final MapsUniverse universe = new MapsUniverse();
  private final FakeApify apify =
      new FakeApify(null, universe, ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build())
          .start();
  private final FakePlaces places = new FakePlaces(null, universe, PlacesFaults.none()).start();
  private WorkerFactory workers;

  @BeforeEach
  void startWorker() {
    workers = WorkerFactory.newInstance(temporal.workflowClient());
    PharmacyRegistration.register(
        workers,
        db.getTestDatabase(),
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS,
            new ProviderLimits(ProviderLimits.DEFAULTS),
            new CallBudgets(CallBudgets.DEFAULTS, ZoneOffset.UTC)),
        SpendListener.NONE);
    workers.start();
  }

  @AfterEach
  void stop() throws Exception {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    apify.close();
    places.close();
  }

  @Test
  void retryRunsAFailedPharmacyRunAgainFromTheStageThatFailedWithoutASecondActorRun()
      throws Exception {
    Map<String, String> env = ProductionEnv.of(temporal, db, home);
    places.faults(PlacesFaults.none().withPermissionDenied(true));
    CliRun failed =
        CliRun.run(
            env, "pharmacy", "run", "--query", "pharmacy", "--location", "San Francisco, CA");
    assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
    assertThat(apify.runsStarted()).isEqualTo(1);
    places.faults(PlacesFaults.none());

    CliRun retry = CliRun.run(env, "runs", "retry", WORKFLOW_ID);

    assertThat(retry.exitCode()).as(retry.err()).isZero();
    assertThat(retry.out())
        .contains("retrying " + WORKFLOW_ID + " as " + WORKFLOW_ID + " (new run ")
        .contains("stages the run already recorded are skipped");
    PharmacyRunResult result =
        client()
            .newUntypedWorkflowStub(WORKFLOW_ID, Optional.empty(), Optional.empty())
            .getResult(60, TimeUnit.SECONDS, PharmacyRunResult.class);
    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.resumed()).isTrue();
    assertThat(result.verified()).isPositive();
    assertThat(apify.runsStarted()).as("collection was not run again").isEqualTo(1);

    CliRun again = CliRun.run(env, "runs", "retry", WORKFLOW_ID);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err())
        .contains("only a failed, cancelled or partial pharmacy run can be retried")
        .contains("is completed");
  }

  @Test
  void runsListsPharmacyRunsWithTheirSearchAndStatus() {
    Map<String, String> env = ProductionEnv.of(temporal, db, home);
    CliRun run =
        CliRun.run(
            env,
            "pharmacy",
            "run",
            "--query",
            "drugstore",
            "--location",
            "Austin, TX",
            "--no-verify");
    assertThat(run.exitCode()).as(run.err()).isZero();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(CliRun.run(env, "runs", "--pipeline", "pharmacy").out())
                    .containsPattern(
                        "pharmacy\\s+completed\\s+drugstore in Austin, TX\\s+"
                            + "pharmacy-run/drugstore/austin-tx"));
  }

  private static WorkflowClient client() {
    return temporal.workflowClient();
  }
}
