package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.market.MarketQuotesRequest;
import io.trawl.workflows.market.MarketQuotesResult;
import io.trawl.workflows.market.MarketQuotesWorkflow;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.market.SourceAttempt;
import io.trawl.workflows.market.SymbolQuote;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money under contention: 20 paid operations at once on a budget that affords 7, served by two
 * {@code trawl worker} processes that share only the PostgreSQL ledger and the Temporal dev server.
 * For every paid provider exactly 7 calls reach the sandbox, the ledger never holds more than the
 * limit, and the other 13 end {@code BudgetExhausted} or degrade where the pipeline says so (market
 * quotes fall back to Yahoo, Places verification stops and the run ends partial).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaidCallContentionTest {
  private static final int OPERATIONS = 20;
  private static final int AFFORDED = 7;

  // Bright Data: a trigger reserves 1000 records at $1.00 per 1k, so $7.50 affords 7.
  // Apify: every search finds exactly 25 places, an actor run costs its reservation of
  // $0.007 + 25 × $0.004 = $0.107, so $0.80 affords 7 ($0.749). Places: $0.032 a lookup, $0.24
  // affords 7 ($0.224). Unlocker: $0.0015 a page, $0.011 affords 7 ($0.0105).
  private static final String CONFIG =
      """
      budgets:
        zone: UTC
        brightdata: {daily_usd: 7.50, usd_per_1k_records: 1.00, reserve_records: 1000}
        apify: {daily_usd: 0.80}
        places: {daily_usd: 0.24}
        brightdata-unlocker: {daily_usd: 0.011}
      """;
  private static final BigDecimal ACTOR_RUN = new BigDecimal("0.107");
  private static final String PHARMACY_AND_MARKET = "pharmacy,market";

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir static Path home;

  private static final MapsUniverse UNIVERSE = new MapsUniverse(25);
  private static FakeBrightData brightData;
  private static FakeApify apify;
  private static FakePlaces places;
  private static FakeUnlocker unlocker;
  private static FakeYahoo yahoo;
  // Jobs and market both reach Bright Data through one BRIGHTDATA_BASE_URL, which points at the
  // datasets sandbox for the jobs pair and at the Unlocker sandbox for the pharmacy-and-market
  // pair; one pair runs at a time.
  private static String pairPipelines;
  private static final List<WorkerJvm> pair = new ArrayList<>();

  @BeforeAll
  static void startSandboxes() throws Exception {
    brightData =
        new FakeBrightData(
                Clock.systemUTC(),
                // Accepted runs keep polling until every refusal is in: a run that settles early
                // gives back the part of its reservation it did not use.
                FakeBrightData.Faults.builder().pollsBeforeReady(1_000_000).build())
            .start();
    apify =
        new FakeApify(
                null,
                UNIVERSE,
                ApifyFaults.builder().runSeconds(2).millisPerSecond(20).preliminaryReads(0).build())
            .start();
    places = new FakePlaces(null, UNIVERSE, PlacesFaults.none()).start();
    unlocker = new FakeUnlocker().start();
    yahoo = new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start();
    Files.writeString(home.resolve("trawl.yaml"), CONFIG);
  }

  @AfterAll
  static void stopAll() throws Exception {
    stopPair();
    for (AutoCloseable sandbox : List.of(brightData, apify, places, unlocker, yahoo)) {
      sandbox.close();
    }
  }

  @BeforeEach
  void freshLedger() {
    // Every test spends today's budgets from zero; the worker writes the limits again on use.
    execute("TRUNCATE cost_ledger, budgets, api_cache");
  }

  @Test
  @Order(1)
  void twentyScrapeRunsOnABudgetForSevenTriggerSevenAndRefuseThirteen() throws Exception {
    WorkflowClient client = workersFor("jobs");
    List<ScrapeRunWorkflow> runs = new ArrayList<>();
    for (int i = 0; i < OPERATIONS; i++) {
      ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Town " + i);
      ScrapeRunWorkflow run =
          client.newWorkflowStub(
              ScrapeRunWorkflow.class, options(request.workflowId(), ScrapeRunWorkflow.TASK_QUEUE));
      WorkflowClient.start(run::run, request);
      runs.add(run);
    }

    // The refused end at their trigger; the accepted poll until the sandbox lets them finish.
    // A refusal means the seven reservations exist, not that their triggers have arrived yet.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                count("SELECT count(*) FROM scrape_runs WHERE status = 'failed'")
                        >= OPERATIONS - AFFORDED
                    && brightData.triggersAccepted() >= AFFORDED);
    assertThat(brightData.triggersAccepted()).isEqualTo(AFFORDED);
    assertThat(committed("brightdata")).isEqualByComparingTo("7.00");
    brightData.faults(FakeBrightData.Faults.none());
    List<ApplicationFailure> refusals =
        failures(runs, run -> WorkflowStub.fromTyped(run), ScrapeRunResult.class);

    assertThat(brightData.triggersAccepted()).isEqualTo(AFFORDED);
    assertRefused(
        refusals, "daily budget of brightdata is exhausted", "budgets.brightdata.daily_usd");
    assertThat(committed("brightdata")).isLessThanOrEqualTo(new BigDecimal("7.50"));
    assertThat(count("SELECT count(*) FROM scrape_runs WHERE status = 'failed'"))
        .isEqualTo(OPERATIONS - AFFORDED);
    assertThat(count("SELECT count(*) FROM scrape_runs WHERE status = 'completed'"))
        .isEqualTo(AFFORDED);
  }

  @Test
  void twentyPharmacyRunsOnABudgetForSevenActorRunsStartSeven() throws Exception {
    WorkflowClient client = workersFor(PHARMACY_AND_MARKET);
    long before = apify.runsStarted();
    List<PharmacyRunWorkflow> runs = new ArrayList<>();
    for (int i = 0; i < OPERATIONS; i++) {
      PharmacyRunRequest request =
          new PharmacyRunRequest(
              List.of("pharmacy"),
              List.of("Town " + i + ", CA"),
              false,
              25,
              true,
              null,
              null,
              null);
      PharmacyRunWorkflow run =
          client.newWorkflowStub(
              PharmacyRunWorkflow.class,
              options(request.workflowId(), PharmacyRunWorkflow.TASK_QUEUE));
      WorkflowClient.start(run::run, request);
      runs.add(run);
    }

    List<ApplicationFailure> refusals =
        failures(runs, run -> WorkflowStub.fromTyped(run), PharmacyRunResult.class);

    assertThat(apify.runsStarted() - before).isEqualTo(AFFORDED);
    assertRefused(refusals, "daily budget of apify is exhausted", "budgets.apify.daily_usd");
    assertThat(committed("apify"))
        .isEqualByComparingTo(ACTOR_RUN.multiply(BigDecimal.valueOf(AFFORDED)))
        .isLessThanOrEqualTo(new BigDecimal("0.80"));
  }

  @Test
  void aRunCapForSevenActorRunsStartsSevenOfTheRunsTwentySearches() throws Exception {
    WorkflowClient client = workersFor(PHARMACY_AND_MARKET);
    long before = apify.runsStarted();
    // The cap affords 7 actor runs ($0.749 of $0.75) and is checked before the day's $0.80.
    PharmacyRunRequest request =
        new PharmacyRunRequest(
            List.of("pharmacy"),
            IntStream.range(0, OPERATIONS).mapToObj(i -> "Capped " + i + ", CA").toList(),
            false,
            25,
            true,
            new BigDecimal("0.75"),
            null,
            null);
    PharmacyRunWorkflow run =
        client.newWorkflowStub(
            PharmacyRunWorkflow.class,
            options(request.workflowId(), PharmacyRunWorkflow.TASK_QUEUE));

    WorkflowFailedException failed =
        catchThrowableOfType(WorkflowFailedException.class, () -> run.run(request));

    assertThat(failed).isNotNull();
    ApplicationFailure refusal = applicationFailure(failed);
    assertThat(refusal.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
    assertThat(refusal.getOriginalMessage()).contains("cost cap of $0.75").contains("--max-cost");
    // The run fails at the first refusal; starts already granted may still be on their way.
    await().atMost(Duration.ofSeconds(30)).until(() -> apify.runsStarted() - before >= AFFORDED);
    assertThat(apify.runsStarted() - before).isEqualTo(AFFORDED);
    assertThat(committed("apify")).isLessThanOrEqualTo(new BigDecimal("0.75"));
  }

  @Test
  void verifyingTwentyFivePlacesOnABudgetForSevenLookupsMakesSevenAndEndsPartial()
      throws Exception {
    WorkflowClient client = workersFor(PHARMACY_AND_MARKET);
    long before = places.requests();
    PharmacyRunRequest request =
        new PharmacyRunRequest(
            List.of("pharmacy"), List.of("Verified, CA"), true, 25, true, null, true, null);
    PharmacyRunWorkflow run =
        client.newWorkflowStub(
            PharmacyRunWorkflow.class,
            options(request.workflowId(), PharmacyRunWorkflow.TASK_QUEUE));

    PharmacyRunResult result = run.run(request);

    assertThat(places.requests() - before).isEqualTo(AFFORDED);
    assertThat(result.verified() + result.unverified()).isGreaterThanOrEqualTo(OPERATIONS);
    assertThat(result.status()).isEqualTo("partial");
    assertThat(committed("places"))
        .isEqualByComparingTo(new BigDecimal("0.032").multiply(BigDecimal.valueOf(AFFORDED)))
        .isLessThanOrEqualTo(new BigDecimal("0.24"));
  }

  @Test
  void twentyFreshQuotesOnABudgetForSevenPagesBuySevenAndTakeThirteenFromYahoo() throws Exception {
    WorkflowClient client = workersFor(PHARMACY_AND_MARKET);
    long before = unlocker.requests();
    List<String> symbols =
        List.of(
            "AAPL:US",
            "MSFT:US",
            "GOOGL:US",
            "AMZN:US",
            "NVDA:US",
            "META:US",
            "TSLA:US",
            "NFLX:US",
            "ADBE:US",
            "INTC:US",
            "CSCO:US",
            "AMD:US",
            "QCOM:US",
            "PEP:US",
            "JPM:US",
            "V:US",
            "MA:US",
            "JNJ:US",
            "WMT:US",
            "PG:US");
    List<MarketQuotesWorkflow> requests = new ArrayList<>();
    for (String symbol : symbols) {
      MarketQuotesWorkflow quotes =
          client.newWorkflowStub(
              MarketQuotesWorkflow.class,
              options("contention-quote/" + symbol, MarketQuotesWorkflow.TASK_QUEUE));
      WorkflowClient.start(quotes::quotes, new MarketQuotesRequest(List.of(symbol), true, null));
      requests.add(quotes);
    }

    List<SymbolQuote> quoted = new ArrayList<>();
    for (MarketQuotesWorkflow quotes : requests) {
      quoted.addAll(
          WorkflowStub.fromTyped(quotes)
              .getResult(120, TimeUnit.SECONDS, MarketQuotesResult.class)
              .quotes());
    }

    assertThat(unlocker.requests() - before).isEqualTo(AFFORDED);
    assertThat(quoted).allSatisfy(quote -> assertThat(quote.quoted()).isTrue());
    assertThat(quoted).filteredOn(q -> q.quote().source() == QuoteSource.BRIGHT_DATA).hasSize(7);
    assertThat(quoted)
        .filteredOn(q -> q.quote().source() == QuoteSource.YAHOO)
        .hasSize(OPERATIONS - AFFORDED)
        .allSatisfy(
            quote ->
                assertThat(quote.attempts())
                    .extracting(SourceAttempt::outcome)
                    .contains(SourceAttempt.BUDGET_REFUSED));
    assertThat(committed("brightdata-unlocker")).isLessThanOrEqualTo(new BigDecimal("0.011"));
  }

  /** Two worker processes for {@code pipelines}, kept until another pair is asked for. */
  private static WorkflowClient workersFor(String pipelines) throws Exception {
    if (!pipelines.equals(pairPipelines)) {
      stopPair();
      Map<String, String> env = new HashMap<>(ProductionEnv.of(temporal, db, home));
      env.put("TRAWL_CONFIG", home.resolve("trawl.yaml").toString());
      env.put("APIFY_TOKEN", "contention-apify-token");
      env.put("APIFY_BASE_URL", apify.baseUrl());
      env.put("GOOGLE_PLACES_API_KEY", "contention-places-key");
      env.put("GOOGLE_PLACES_BASE_URL", places.baseUrl());
      env.put("YAHOO_BASE_URL", yahoo.baseUrl());
      env.put("BRIGHTDATA_UNLOCKER_ZONE", FakeUnlocker.ZONE);
      env.put("BRIGHTDATA_API_TOKEN", "contention-brightdata-token");
      env.put(
          "BRIGHTDATA_BASE_URL",
          pipelines.equals("jobs") ? brightData.baseUrl() : unlocker.baseUrl());
      for (int i = 0; i < 2; i++) {
        pair.add(WorkerJvm.start(env, List.of(), List.of("--pipelines", pipelines)));
      }
      for (WorkerJvm worker : pair) {
        worker.awaitPolling(Duration.ofSeconds(90));
      }
      pairPipelines = pipelines;
    }
    return temporal.workflowClient();
  }

  private static void stopPair() throws InterruptedException {
    for (WorkerJvm worker : pair) {
      worker.close();
    }
    pair.clear();
    pairPipelines = null;
  }

  private static WorkflowOptions options(String workflowId, String taskQueue) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build();
  }

  /** Waits for every run; returns the failures of those that failed. */
  private static <W, R> List<ApplicationFailure> failures(
      List<W> runs, Function<W, WorkflowStub> stubs, Class<R> resultType) throws Exception {
    List<ApplicationFailure> refusals = new ArrayList<>();
    for (W run : runs) {
      try {
        stubs.apply(run).getResult(120, TimeUnit.SECONDS, resultType);
      } catch (WorkflowFailedException failed) {
        refusals.add(applicationFailure(failed));
      }
    }
    return refusals;
  }

  private static void assertRefused(List<ApplicationFailure> refusals, String says, String key) {
    assertThat(refusals).hasSize(OPERATIONS - AFFORDED);
    assertThat(refusals)
        .allSatisfy(
            refusal -> {
              assertThat(refusal.getType()).isEqualTo(Failures.BUDGET_EXHAUSTED);
              assertThat(refusal.getOriginalMessage()).contains(says).contains(key);
            });
  }

  private static ApplicationFailure applicationFailure(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof ApplicationFailure application) {
        return application;
      }
    }
    throw new AssertionError("no ApplicationFailure in " + failure, failure);
  }

  /** Settled plus held in {@code scope}: what the day's budget can no longer give. */
  private static BigDecimal committed(String scope) {
    return new BigDecimal(
        text(
            "SELECT coalesce(sum(CASE state WHEN 'settled' THEN cost_usd"
                + " WHEN 'reserved' THEN reserved_usd ELSE 0 END), 0)"
                + " FROM cost_ledger WHERE scope = '"
                + scope
                + "'"));
  }

  private static long count(String sql) {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql) {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void execute(String sql) {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
