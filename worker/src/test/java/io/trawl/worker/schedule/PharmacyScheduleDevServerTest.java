package io.trawl.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code pharmacy-run} schedule kind on the real Temporal dev server: each firing is its own
 * workflow (the schedule appends its time to the search's id), and a firing while a run is still
 * going is skipped.
 */
class PharmacyScheduleDevServerTest {
  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final TrawlConfig CONFIG = TrawlConfigLoader.loadBuiltIn();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ApifyFaults QUICK =
      ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build();

  private static final MapsUniverse universe = new MapsUniverse();
  private static FakeApify apify;
  private static FakePlaces places;
  private static WorkerFactory workers;
  private static TrawlSchedules schedules;

  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void startWorkers() {
    apify = new FakeApify(null, universe, QUICK).start();
    places = new FakePlaces(null, universe, PlacesFaults.none()).start();
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
    schedules = new TrawlSchedules(temporal.workflowClient());
  }

  @AfterAll
  static void stopWorkers() {
    workers.shutdownNow();
    apify.close();
    places.close();
  }

  @AfterEach
  void deleteTheSchedulesThisTestMade() {
    for (String name : created) {
      if (schedules.find(name).isPresent()) {
        schedules.delete(name);
      }
    }
    apify.faults(QUICK);
  }

  @Test
  void eachFiringIsItsOwnRunUnderTheSearchsIdAndTheSecondIsServedFromTheCache() {
    create("pharmacy-sf", Map.of("query", "pharmacy", "location", "San Francisco, CA"));

    TriggerOutcome first = schedules.trigger("pharmacy-sf", WAIT);
    PharmacyRunResult firstResult = result(first);
    // A schedule names a firing by its second, and Temporal drops a second start of one id: a
    // schedule never fires twice in a second, so neither do these manual triggers.
    await()
        .atMost(WAIT)
        .until(
            () ->
                !first
                    .workflowId()
                    .endsWith(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    TriggerOutcome second = schedules.trigger("pharmacy-sf", WAIT);
    PharmacyRunResult secondResult = result(second);

    String searchId =
        PharmacyRunRequest.of(List.of("pharmacy"), List.of("San Francisco, CA")).workflowId();
    assertThat(first.workflowId()).startsWith(searchId + "-");
    assertThat(second.workflowId()).startsWith(searchId + "-").isNotEqualTo(first.workflowId());
    assertThat(firstResult.status()).isEqualTo("completed");
    assertThat(secondResult.status()).isEqualTo("completed");
    assertThat(secondResult.runId()).isNotEqualTo(firstResult.runId());
    assertThat(secondResult.cacheHits()).isEqualTo(1);
    assertThat(apify.runsStarted()).isEqualTo(1);
    // Scheduled runs carry the attributes a manual start sets.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        client()
                            .listExecutions(
                                "TemporalScheduledById = 'pharmacy-sf'"
                                    + " AND TrawlPipeline = 'pharmacy'"
                                    + " AND TrawlQuery = 'pharmacy'"
                                    + " AND TrawlLocation = 'San Francisco, CA'")
                            .count())
                    .isEqualTo(2));
  }

  @Test
  void aFiringWhileTheSearchIsStillRunningIsSkipped() {
    // An actor run of ten minutes keeps the first run in collection.
    apify.faults(ApifyFaults.builder().runSeconds(600).millisPerSecond(1000).build());
    create("pharmacy-slow", Map.of("query", "drugstore", "location", "Austin, TX"));

    TriggerOutcome first = schedules.trigger("pharmacy-slow", WAIT);
    TriggerOutcome overlapping = schedules.trigger("pharmacy-slow", WAIT);

    assertThat(first.started()).as(first.message()).isTrue();
    assertThat(overlapping.started()).isFalse();
    assertThat(overlapping.workflowId()).isEqualTo(first.workflowId());
    ScheduleDetails details = schedules.describe("pharmacy-slow");
    assertThat(details.overlap()).isEqualTo("SKIP");
    assertThat(details.actions()).isEqualTo(1);
    client().newUntypedWorkflowStub(first.workflowId()).cancel();
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> definition("bad", Map.of("query", "pharmacy")))
        .hasMessageContaining("pharmacy-run needs the argument location=");
    assertThatThrownBy(
            () ->
                definition(
                    "bad", Map.of("query", "pharmacy", "location", "Austin, TX", "verify", "yes")))
        .hasMessageContaining("argument verify must be true or false, got \"yes\"");
    assertThatThrownBy(
            () ->
                definition(
                    "bad", Map.of("query", "pharmacy", "location", "Austin, TX", "limit", "3")))
        .hasMessageContaining("pharmacy-run takes no argument \"limit\"");
  }

  @Test
  void severalQueriesAndLocationsAreSeparatedBySemicolons() {
    ScheduleDefinition definition =
        definition(
            "multi",
            Map.of(
                "query", "pharmacy; drugstore",
                "location", "San Francisco, CA; Austin, TX",
                "verify", "false",
                "max_cost", "2.50"));

    PharmacyRunRequest request = (PharmacyRunRequest) definition.input();
    assertThat(request.queries()).containsExactly("drugstore", "pharmacy");
    assertThat(request.locations()).containsExactly("Austin, TX", "San Francisco, CA");
    assertThat(request.verify()).isFalse();
    assertThat(request.maxCostUsd()).isEqualByComparingTo("2.50");
    assertThat(request.scheduled()).isTrue();
  }

  private ScheduleDefinition definition(String name, Map<String, String> args) {
    return ScheduleDefinitions.define(
        "test",
        new ScheduleEntry("", name, PharmacyRunKind.NAME, "1h", null, null, null, null, args),
        ScheduledWorkflowKinds.standard(),
        CONFIG);
  }

  private void create(String name, Map<String, String> args) {
    Map<String, String> withoutVerification = new java.util.HashMap<>(args);
    withoutVerification.put("verify", "false");
    created.add(name);
    schedules.create(definition(name, withoutVerification), "created by a test");
  }

  private static PharmacyRunResult result(TriggerOutcome outcome) {
    assertThat(outcome.started()).as(outcome.message()).isTrue();
    return client().newUntypedWorkflowStub(outcome.workflowId()).getResult(PharmacyRunResult.class);
  }

  private static WorkflowClient client() {
    return temporal.workflowClient();
  }
}
