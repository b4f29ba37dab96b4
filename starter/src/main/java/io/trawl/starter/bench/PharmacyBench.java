package io.trawl.starter.bench;

import io.temporal.client.WorkflowStub;
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
import io.trawl.starter.pharmacy.PharmacyStarter;
import io.trawl.worker.PharmacyRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code bench pharmacy}: the real pharmacy workflow (collect, dedup, classify, verify) over
 * {@code places} sandbox places on the embedded default's engine and a private embedded PostgreSQL,
 * then the same search again, which the query cache and the places' verdicts should make free.
 *
 * <p>The places come from several searches of one query, one city each: a search returns at most
 * {@link PharmacyRunRequest#MAX_PLACES_LIMIT} places, and two cities share none, so every place is
 * unique. Each Apify sandbox run takes no simulated time, so collection measures trawl (start,
 * poll, page through the dataset, stage), not a made-up actor duration.
 */
final class PharmacyBench {
  static final String QUERY = "pharmacy";
  private static final List<String> CITIES =
      List.of(
          "San Francisco, CA",
          "Los Angeles, CA",
          "Oakland, CA",
          "San Diego, CA",
          "Austin, TX",
          "Houston, TX",
          "Seattle, WA",
          "Portland, OR",
          "New York, NY",
          "Chicago, IL",
          "Denver, CO",
          "Anchorage, AK",
          "Boston, MA",
          "Miami, FL");

  /**
   * How {@code places} are split into searches.
   *
   * @param perSearch places every search returns (the sandbox's knob and the actor's maximum)
   * @param locations one city per search
   */
  record Plan(int places, int perSearch, List<String> locations) {
    static Plan of(int places) {
      int searches =
          (places + PharmacyRunRequest.MAX_PLACES_LIMIT - 1) / PharmacyRunRequest.MAX_PLACES_LIMIT;
      int perSearch = (places + searches - 1) / searches;
      List<String> locations = new ArrayList<>(searches);
      for (int i = 0; i < searches; i++) {
        locations.add(i < CITIES.size() ? CITIES.get(i) : "Bench Town " + i + ", CA");
      }
      return new Plan(searches * perSearch, perSearch, List.copyOf(locations));
    }

    PharmacyRunRequest request() {
      return new PharmacyRunRequest(
          List.of(QUERY), locations, true, perSearch, false, null, false, false);
    }
  }

  /** One stage of one run: the places it handled and the seconds it took. */
  record Stage(String name, long places, double seconds) {
    /** Places per second, NaN when the stage handled none. */
    double perSecond() {
      return places == 0 ? Double.NaN : places / Math.max(seconds, 1e-3);
    }
  }

  /**
   * One run of the search.
   *
   * @param apifyRequests requests the Apify sandbox received during the run (every endpoint)
   * @param placesCalls Places text searches the sandbox received during the run
   * @param unverifiedAfter places of the search with no verification when the run ended
   */
  record Run(
      PharmacyRunResult result,
      long apifyRuns,
      long apifyRequests,
      long placesCalls,
      long unverifiedAfter,
      double wallSeconds,
      List<Stage> stages) {}

  /**
   * Both runs.
   *
   * @param budgets the daily budgets the bench set, per provider: what the places cost at list
   *     prices, twice over, so the sandbox spend never stops a stage
   */
  record Result(Plan plan, Map<String, BigDecimal> budgets, Run first, Run repeat) {}

  static Result run(Path dir, int places, PrintWriter progress) throws Exception {
    Plan plan = Plan.of(places);
    Map<String, BigDecimal> budgets = budgets(plan);
    MapsUniverse universe = new MapsUniverse(plan.perSearch());
    try (BenchDatabase db = BenchDatabase.start(dir.resolve("home"));
        BenchServer server = BenchServer.embeddedInProcess();
        FakeApify apify =
            new FakeApify(null, universe, ApifyFaults.builder().runSeconds(0).build()).start();
        FakePlaces placesApi = new FakePlaces(null, universe, PlacesFaults.none()).start()) {
      WorkerFactory factory = WorkerFactory.newInstance(server.workerClient());
      PharmacyRegistration.register(
          factory,
          db.poolDataSource(),
          new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
          new PlacesClient(PlacesConfig.sandbox(placesApi.baseUrl())),
          new PharmacyRegistration.Settings(
              PharmacyConfig.DEFAULTS, limits(), new CallBudgets(budgets, ZoneOffset.UTC)),
          SpendListener.NONE);
      factory.start();
      try {
        progress.printf(Locale.ROOT, "  first run: %d places...%n", plan.places());
        progress.flush();
        Run first = runOnce(server, db, apify, placesApi, plan);
        progress.printf(Locale.ROOT, "  repeat run...%n");
        progress.flush();
        Run repeat = runOnce(server, db, apify, placesApi, plan);
        return new Result(plan, budgets, first, repeat);
      } finally {
        BenchWorker.stop(factory);
      }
    }
  }

  /**
   * The pipeline's own limits, with Places' raised: the embedded engine does not enforce a queue's
   * rate (a real server would hold Places to its 5 calls a second, see docs/performance.md), and
   * the verification child keeps {@code PARALLEL_VERIFICATIONS} lookups in flight.
   */
  private static ProviderLimits limits() {
    Map<String, ProviderLimits.Limit> limits = new HashMap<>(ProviderLimits.DEFAULTS);
    limits.put("places", new ProviderLimits.Limit(1_000, 20));
    return new ProviderLimits(limits);
  }

  private static Map<String, BigDecimal> budgets(Plan plan) {
    PharmacyConfig.Costs costs = PharmacyConfig.DEFAULTS.costs();
    BigDecimal apify =
        costs
            .actorStartUsd()
            .add(costs.perPlaceUsd().multiply(BigDecimal.valueOf(plan.perSearch())))
            .multiply(BigDecimal.valueOf(2L * plan.locations().size()));
    BigDecimal places = costs.placesUsd().multiply(BigDecimal.valueOf(2L * plan.places()));
    return Map.of(
        "apify", apify.setScale(2, RoundingMode.UP),
        "places", places.setScale(2, RoundingMode.UP),
        "llm", BigDecimal.ONE);
  }

  private static Run runOnce(
      BenchServer server, BenchDatabase db, FakeApify apify, FakePlaces places, Plan plan)
      throws SQLException {
    long apifyRuns = apify.runsStarted();
    long apifyRequests = totalRequests(apify);
    long placesCalls = places.requests();
    long started = System.nanoTime();
    PharmacyStarter.StartedRun run =
        PharmacyStarter.start(server.client(), plan.request(), PharmacyRunWorkflow.TASK_QUEUE);
    PharmacyRunResult result =
        WorkflowStub.fromTyped(run.stub()).getResult(PharmacyRunResult.class);
    double wall = (System.nanoTime() - started) / 1e9;
    long calls = places.requests() - placesCalls;
    return new Run(
        result,
        apify.runsStarted() - apifyRuns,
        totalRequests(apify) - apifyRequests,
        calls,
        unverified(db, result.runId()),
        wall,
        stages(db, result, calls));
  }

  private static long totalRequests(FakeApify apify) {
    return apify.requests().values().stream().mapToLong(Long::longValue).sum();
  }

  private static final String STAGE_TIMES =
      """
      SELECT extract(epoch FROM r.started_at),
             extract(epoch FROM max(s.completed_at) FILTER (WHERE s.stage = 'collection')),
             extract(epoch FROM max(s.completed_at) FILTER (WHERE s.stage = 'dedup')),
             extract(epoch FROM max(s.completed_at) FILTER (WHERE s.stage = 'classification')),
             extract(epoch FROM coalesce(
                 max(s.completed_at) FILTER (WHERE s.stage = 'verification'), r.finished_at))
      FROM pharmacy_runs r LEFT JOIN pharmacy_stage s ON s.run_id = r.id
      WHERE r.id = ?
      GROUP BY r.id
      """;

  private static final String UNVERIFIED =
      """
      SELECT count(*) FROM pharmacies p
      WHERE p.verified_at IS NULL
        AND p.place_key IN (SELECT place_key FROM pharmacy_run_places WHERE run_id = ?)
      """;

  /** Each stage's time, read from the run's stage rows (the database's clock, one machine). */
  private static List<Stage> stages(BenchDatabase db, PharmacyRunResult r, long placesCalls)
      throws SQLException {
    double[] at = new double[5];
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(STAGE_TIMES)) {
      ps.setLong(1, r.runId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int i = 0; i < at.length; i++) {
          at[i] = rs.getDouble(i + 1);
        }
      }
    }
    return List.of(
        new Stage("collection", r.collected(), at[1] - at[0]),
        new Stage("dedup", r.collected(), at[2] - at[1]),
        new Stage("classification", r.unique(), at[3] - at[2]),
        new Stage("verification", placesCalls, at[4] - at[3]));
  }

  private static long unverified(BenchDatabase db, long runId) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(UNVERIFIED)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private PharmacyBench() {}
}
