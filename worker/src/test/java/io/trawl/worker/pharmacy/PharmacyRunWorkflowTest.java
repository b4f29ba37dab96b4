package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
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
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The four stages on the real activities, the Apify and Places sandboxes and PostgreSQL. */
class PharmacyRunWorkflowTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final PharmacyRunRequest SAN_FRANCISCO =
      PharmacyRunRequest.of(List.of("pharmacy"), List.of("San Francisco, CA"));

  private final MapsUniverse universe = new MapsUniverse();
  private final FakeApify apify =
      new FakeApify(null, universe, ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build())
          .start();
  private final FakePlaces places = new FakePlaces(null, universe, PlacesFaults.none()).start();
  private TestWorkflowEnvironment env;

  private void startWorker(Map<String, BigDecimal> budgets) {
    env = TestWorkflowEnvironment.newInstance();
    PharmacyRegistration.register(
        env.getWorkerFactory(),
        db.getTestDatabase(),
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS,
            new ProviderLimits(ProviderLimits.DEFAULTS),
            new CallBudgets(budgets, ZoneOffset.UTC)),
        SpendListener.NONE);
    env.start();
  }

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
    apify.close();
    places.close();
  }

  private PharmacyRunResult run(PharmacyRunRequest request) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            PharmacyRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(PharmacyRunWorkflow.TASK_QUEUE)
                .build())
        .run(request);
  }

  @Test
  void runsAllFourStagesThenAnswersTheSameSearchFromTheCacheWithoutApify() throws Exception {
    startWorker(CallBudgets.DEFAULTS);

    PharmacyRunResult first = run(SAN_FRANCISCO);

    assertThat(first.status()).isEqualTo("completed");
    assertThat(first.provider()).isEqualTo("sandbox");
    assertThat(first.collected()).isPositive();
    assertThat(first.unique()).isEqualTo(count("SELECT count(*) FROM pharmacies"));
    assertThat(first.chain()).isPositive();
    assertThat(first.independent()).isPositive();
    assertThat(first.hospital()).isPositive();
    assertThat(first.notPharmacy()).isPositive();
    assertThat(first.verified()).isPositive();
    assertThat(first.unverified()).isZero();
    assertThat(first.closed()).isPositive();
    assertThat(first.costUsd()).isPositive();
    assertThat(apify.runsStarted()).isEqualTo(1);
    assertThat(places.requests()).isEqualTo(first.unique());
    assertThat(count("SELECT count(*) FROM pharmacy_staging")).isZero();

    PharmacyRunResult second =
        run(
            new PharmacyRunRequest(
                List.of("pharmacy"),
                List.of("San Francisco, CA"),
                false,
                null,
                null,
                null,
                null,
                null));

    assertThat(second.cacheHits()).isEqualTo(1);
    assertThat(second.unique()).isEqualTo(first.unique());
    assertThat(apify.runsStarted()).isEqualTo(1);
    assertThat(second.costUsd()).isZero();
  }

  @Test
  void aBudgetThatRunsOutDuringVerificationEndsPartialAndTheNextRunVerifiesTheRest()
      throws Exception {
    // Enough for the actor run and four lookups at $0.032.
    startWorker(
        Map.of(
            "apify",
            new BigDecimal("10"),
            "places",
            new BigDecimal("0.13"),
            "llm",
            BigDecimal.ONE));

    PharmacyRunResult partial = run(SAN_FRANCISCO);

    assertThat(partial.status()).isEqualTo("partial");
    assertThat(partial.verified() + partial.unverified()).isLessThanOrEqualTo(partial.unique());
    assertThat(partial.unverified()).isGreaterThan(0);
    assertThat(places.requests()).isEqualTo(4);

    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE budgets SET limit_usd = 100 WHERE scope = 'places-sandbox'");
    }
    env.close();
    startWorker(
        Map.of(
            "apify", new BigDecimal("10"), "places", new BigDecimal("100"), "llm", BigDecimal.ONE));
    PharmacyRunResult resumed = run(SAN_FRANCISCO);

    assertThat(resumed.runId()).isEqualTo(partial.runId());
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.status()).isEqualTo("completed");
    assertThat(resumed.unverified()).isZero();
    assertThat(apify.runsStarted()).isEqualTo(1);
    assertThat(places.requests()).isEqualTo(partial.unique());
  }

  @Test
  void aBudgetThatCannotPayTheActorRunFailsTheRunBeforeAnyCall() {
    startWorker(
        Map.of("apify", new BigDecimal("0.01"), "places", BigDecimal.TEN, "llm", BigDecimal.ONE));

    assertThatThrownBy(() -> run(SAN_FRANCISCO))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e ->
                assertThat(Failures.describe(e))
                    .contains("daily budget of apify-sandbox is exhausted"));
    assertThat(apify.runsStarted()).isZero();
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
