package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.places.SkuTier;
import io.trawl.starter.chaos.Measure.Kind;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The pharmacy pipeline under crashes: two searches whose Apify actor runs take a few seconds
 * (kills land mid-collection), then a Places lookup per place with some latency (kills land inside
 * verification batches).
 */
final class PharmacyCrash implements CrashPipeline {
  static final String NAME = "pharmacy";
  // Twelve places per search keep the verification short enough for CI, with room for kills.
  private static final PharmacyRunRequest REQUEST =
      new PharmacyRunRequest(
          List.of("pharmacy"),
          List.of("San Francisco, CA", "Oakland, CA"),
          null,
          12,
          null,
          null,
          null,
          null);

  private final MapsUniverse universe = new MapsUniverse();
  private final FakeApify apify =
      new FakeApify(
              ChaosProviders.TOKEN,
              universe,
              ApifyFaults.builder().runSeconds(6).millisPerSecond(500).build())
          .start();
  private final FakePlaces places =
      new FakePlaces(
              ChaosProviders.TOKEN,
              universe,
              PlacesFaults.none().withCommon(CommonFaults.none().withLatency(60, 40, 7)))
          .start();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> providerEnvironment() {
    return Map.of(
        "APIFY_TOKEN",
        ChaosProviders.TOKEN,
        "APIFY_BASE_URL",
        apify.baseUrl(),
        "GOOGLE_PLACES_API_KEY",
        ChaosProviders.TOKEN,
        "GOOGLE_PLACES_BASE_URL",
        places.baseUrl());
  }

  @Override
  public String start(WorkflowClient client, String workflowId) {
    PharmacyRunWorkflow run =
        client.newWorkflowStub(
            PharmacyRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(PharmacyRunWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(run::run, REQUEST);
    return workflowId;
  }

  @Override
  public String awaitResult(WorkflowClient client, String workflowId) {
    Map<?, ?> result = ChaosProviders.result(client, workflowId, timeout());
    if (!"completed".equals(String.valueOf(result.get("status")))) {
      throw new IllegalStateException("the pharmacy run ended " + result.get("status"));
    }
    return "completed: "
        + result.get("collected")
        + " collected, "
        + result.get("unique")
        + " unique, "
        + result.get("verified")
        + " verified";
  }

  @Override
  public List<Measure> measures(DataSource database, Path sideDirectory) {
    List<Measure> measures = new ArrayList<>();
    measures.add(Figures.rows(database, "pharmacy_runs"));
    measures.add(Figures.rows(database, "pharmacy_searches"));
    measures.add(Figures.rows(database, "pharmacies"));
    measures.add(Figures.rows(database, "pharmacy_run_places"));
    measures.add(Figures.duplicates(database, "pharmacy_runs", "workflow_id"));
    measures.add(Figures.duplicates(database, "pharmacies", "place_key"));
    int searches = REQUEST.searches().size();
    measures.add(
        Measure.exactly("Apify actor runs started", Kind.PAID, apify.runsStarted(), searches));
    measures.add(Measure.same("Apify places billed", Kind.PAID, apify.placesBilled()));
    long placesBilled = 0;
    for (SkuTier tier : SkuTier.values()) {
      placesBilled += places.billed(tier);
    }
    measures.add(Measure.same("Places requests billed", Kind.PAID, placesBilled));
    long billedLookups = placesBilled;
    measures.addAll(
        Figures.ledger(
            database,
            provider ->
                provider.contains("apify")
                    ? Long.valueOf(apify.placesBilled())
                    : provider.contains("places") ? Long.valueOf(billedLookups) : null));
    measures.add(
        Measure.same(
            "rows pharmacy_staging",
            Kind.LEFTOVER,
            Figures.count(database, "SELECT count(*) FROM pharmacy_staging")));
    measures.add(Figures.leftoverFiles(sideDirectory));
    return measures;
  }

  @Override
  public void close() {
    apify.close();
    places.close();
  }
}
