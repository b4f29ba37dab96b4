package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.llm.LlmClient;
import io.trawl.activities.providers.llm.LlmConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.llm.FakeLlm;
import io.trawl.sandbox.llm.LlmFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.PharmacyRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLM fallback of classification against {@link FakeLlm} over loopback HTTP, on the real
 * activities and PostgreSQL: places the rules are unsure of are asked about, once per name and
 * address, under the {@code llm} budget, and the rule's answer stands whenever the LLM gives none.
 */
class PharmacyLlmFallbackTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  /** No verification: these tests are about classification. */
  private static final PharmacyRunRequest SAN_FRANCISCO =
      new PharmacyRunRequest(
          List.of("pharmacy"), List.of("San Francisco, CA"), false, null, null, null, null, null);

  private static final PharmacyConfig.Llm LLM =
      new PharmacyConfig.Llm("sonar", null, new BigDecimal("0.01"), 0.9, Duration.ofDays(7));

  private final MapsUniverse universe = new MapsUniverse();
  private final FakeApify apify =
      new FakeApify(null, universe, ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build())
          .start();
  private final FakePlaces places = new FakePlaces(null, universe, PlacesFaults.none()).start();
  private final FakeLlm llm = new FakeLlm().start();
  private TestWorkflowEnvironment env;

  private void startWorker(BigDecimal llmDailyUsd) {
    env = TestWorkflowEnvironment.newInstance();
    PharmacyRegistration.register(
        env.getWorkerFactory(),
        db.getTestDatabase(),
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new LlmClient(LlmConfig.sandbox(llm.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS.withLlm(LLM),
            // Fast enough that the tests do not wait out the default 10 calls a minute.
            new ProviderLimits(Map.of("llm", new ProviderLimits.Limit(100, 5))),
            new CallBudgets(
                Map.of("apify", BigDecimal.TEN, "places", BigDecimal.TEN, "llm", llmDailyUsd),
                ZoneOffset.UTC)),
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
    llm.close();
  }

  @Test
  void theLlmRaisesTheLabelOfPlacesTheRulesAreUnsureOf() throws Exception {
    startWorker(BigDecimal.TEN);

    PharmacyRunResult result = run(SAN_FRANCISCO);

    assertThat(result.status()).isEqualTo("completed");
    long unsure = count("SELECT count(*) FROM pharmacies WHERE class_source = 'llm'");
    assertThat(unsure).isPositive();
    assertThat(llm.calls()).isEqualTo(unsure);
    // The sandbox model answers 0.85 for an independent pharmacy; the rules had said 0.5.
    assertThat(
            count(
                "SELECT count(*) FROM pharmacies WHERE class_source = 'llm'"
                    + " AND confidence > 0.5 AND rule LIKE 'LLM%'"))
        .isEqualTo(unsure);
    assertThat(count("SELECT count(*) FROM pharmacies WHERE class_source = 'rules'"))
        .isEqualTo(result.unique() - unsure);
    assertThat(count("SELECT count(*) FROM api_cache WHERE provider = 'llm'")).isEqualTo(unsure);
    assertThat(
            count(
                "SELECT count(*) FROM cost_ledger WHERE provider = 'llm' AND state = 'settled'"
                    + " AND run_key LIKE 'pharmacy-run-"
                    + result.runId()
                    + "/llm/%'"))
        .isEqualTo(unsure);
    assertThat(
            count(
                "SELECT count(*) FROM pharmacy_stage WHERE stage = 'classification'"
                    + " AND (counts->>'llmCalls')::int = "
                    + unsure))
        .isEqualTo(1);
  }

  @Test
  void aSecondRunAnswersFromTheCacheWithoutCallingTheLlmAgain() throws Exception {
    startWorker(BigDecimal.TEN);
    run(SAN_FRANCISCO);
    long calls = llm.calls();
    long labelled = count("SELECT count(*) FROM pharmacies WHERE class_source = 'llm'");

    PharmacyRunResult second = run(SAN_FRANCISCO);

    assertThat(second.status()).isEqualTo("completed");
    assertThat(calls).isPositive();
    assertThat(llm.calls()).isEqualTo(calls);
    assertThat(count("SELECT count(*) FROM pharmacies WHERE class_source = 'llm'"))
        .isEqualTo(labelled);
    assertThat(
            count(
                "SELECT count(*) FROM cost_ledger WHERE provider = 'llm'"
                    + " AND run_key LIKE 'pharmacy-run-"
                    + second.runId()
                    + "/%'"))
        .isZero();
  }

  @Test
  void anLlmThatFailsLeavesTheRulesAnswerAndTheRunCompletes() throws Exception {
    llm.faults(LlmFaults.none().withUnauthorized(true));
    startWorker(BigDecimal.TEN);

    PharmacyRunResult result = run(SAN_FRANCISCO);

    assertThat(result.status()).isEqualTo("completed");
    assertThat(llm.calls()).isPositive();
    assertThat(count("SELECT count(*) FROM pharmacies WHERE class_source = 'llm'")).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM pharmacies WHERE class_source = 'rules'"
                    + " AND classification = 'independent' AND confidence = 0.5"))
        .isPositive();
    assertThat(count("SELECT count(*) FROM api_cache WHERE provider = 'llm'")).isZero();
    // Nothing was answered, so nothing stays held or charged.
    assertThat(
            count(
                "SELECT count(*) FROM cost_ledger WHERE provider = 'llm' AND state <> 'released'"))
        .isZero();
  }

  @Test
  void anExhaustedLlmBudgetMakesNoCallAndKeepsTheRulesAnswer() throws Exception {
    startWorker(BigDecimal.ZERO);

    PharmacyRunResult result = run(SAN_FRANCISCO);

    assertThat(result.status()).isEqualTo("completed");
    assertThat(llm.calls()).isZero();
    assertThat(count("SELECT count(*) FROM pharmacies WHERE class_source = 'llm'")).isZero();
    assertThat(count("SELECT count(*) FROM pharmacy_stage WHERE stage = 'classification'"))
        .isEqualTo(1);
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

  private long count(String sql) throws Exception {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
