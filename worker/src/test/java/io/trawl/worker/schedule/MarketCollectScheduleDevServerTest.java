package io.trawl.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.worker.WorkerFactory;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.MarketRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.trawl.workflows.market.MarketQuotesWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code market-collect} schedule on the real Temporal dev server: it fires on its own, and the
 * collection it starts quotes every tracked symbol through the market worker into {@code quotes}.
 */
class MarketCollectScheduleDevServerTest {
  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final TrawlConfig CONFIG = TrawlConfigLoader.loadBuiltIn();
  private static final String NAME = "market-collect-every-minute";

  /** A 1m interval fires on the next whole minute: up to a minute plus the collection itself. */
  private static final Duration FIRST_FIRE = Duration.ofSeconds(120);

  private static FakeUnlocker unlocker;
  private static FakeYahoo yahoo;
  private static WorkerFactory workers;
  private static TrawlSchedules schedules;

  @BeforeAll
  static void startTheMarketWorker() {
    unlocker = new FakeUnlocker(Clock.systemUTC(), UnlockerFaults.none()).start();
    yahoo = new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start();
    workers = WorkerFactory.newInstance(temporal.workflowClient());
    MarketRegistration.register(
        workers.newWorker(MarketQuotesWorkflow.TASK_QUEUE),
        db.getTestDatabase(),
        new UnlockerClient(
            UnlockerConfig.sandbox(unlocker.baseUrl(), FakeUnlocker.ZONE),
            UnlockerClient.Settings.DEFAULT,
            Clock.systemUTC()),
        new YahooClient(
            YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, Clock.systemUTC()),
        new MarketRegistration.Settings(
            MarketConfig.DEFAULTS, new CallBudgets(CallBudgets.DEFAULTS, ZoneOffset.UTC)),
        null,
        Clock.systemUTC());
    workers.start();
    schedules = new TrawlSchedules(temporal.workflowClient());
  }

  @AfterAll
  static void stop() {
    if (schedules != null && schedules.find(NAME).isPresent()) {
      schedules.delete(NAME);
    }
    workers.shutdownNow();
    unlocker.close();
    yahoo.close();
  }

  @Test
  void theScheduleFiresOnItsOwnAndTheCollectionStoresAQuoteForEveryTrackedSymbol()
      throws Exception {
    schedules.create(
        ScheduleDefinitions.define(
            "test",
            new ScheduleEntry("", NAME, "market-collect", "1m", null, null, null, null, Map.of()),
            ScheduledWorkflowKinds.standard(),
            CONFIG),
        "created by " + getClass().getSimpleName());

    List<WorkflowExecutionMetadata> completed = new ArrayList<>();
    await()
        .atMost(FIRST_FIRE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              completed.clear();
              client()
                  .listExecutions(
                      "TemporalScheduledById = '" + NAME + "' AND ExecutionStatus = 'Completed'")
                  .forEach(completed::add);
              return !completed.isEmpty();
            });

    String workflowId = completed.get(0).getExecution().getWorkflowId();
    MarketCollectionSummary summary =
        client().newUntypedWorkflowStub(workflowId).getResult(MarketCollectionSummary.class);
    int tracked = MarketConfig.DEFAULTS.symbols().size();
    assertThat(workflowId).startsWith("market-collect");
    assertThat(summary.symbols()).isEqualTo(tracked);
    assertThat(summary.quoted()).as(summary.toString()).isEqualTo(tracked);
    assertThat(summary.failures()).isZero();
    assertThat(schedules.describe(NAME).actions()).isGreaterThanOrEqualTo(1);
    assertThat(storedSymbols())
        .containsExactlyInAnyOrderElementsOf(MarketConfig.DEFAULTS.symbols());
  }

  private static List<String> storedSymbols() throws Exception {
    List<String> symbols = new ArrayList<>();
    try (Connection connection = db.getTestDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT DISTINCT symbol FROM quotes")) {
      while (rows.next()) {
        symbols.add(rows.getString(1));
      }
    }
    return symbols;
  }

  private static WorkflowClient client() {
    return temporal.workflowClient();
  }
}
