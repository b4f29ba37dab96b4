package io.trawl.worker.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.MarketRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.history.RecordedHistories;
import io.trawl.workflows.market.MarketCacheCleanupRequest;
import io.trawl.workflows.market.MarketCacheCleanupWorkflow;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.trawl.workflows.market.MarketCollectionWorkflow;
import io.trawl.workflows.market.MarketQuotesRequest;
import io.trawl.workflows.market.MarketQuotesResult;
import io.trawl.workflows.market.MarketQuotesWorkflow;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.market.SourceAttempt;
import io.trawl.workflows.market.SymbolQuote;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The market workflows on the real activities, both market sandboxes over loopback HTTP, PostgreSQL
 * and the in-memory Temporal test server.
 */
class MarketWorkflowsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
  private FakeUnlocker unlocker;
  private FakeYahoo yahoo;
  private TestWorkflowEnvironment env;

  private void startWorker(UnlockerFaults unlockerFaults, String unlockerBudgetUsd) {
    unlocker = new FakeUnlocker(clock, unlockerFaults).start();
    yahoo = new FakeYahoo(clock, YahooFaults.none()).start();
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(MarketQuotesWorkflow.TASK_QUEUE);
    Map<String, BigDecimal> budgets = new HashMap<>(CallBudgets.DEFAULTS);
    budgets.put("brightdata-unlocker", new BigDecimal(unlockerBudgetUsd));
    MarketRegistration.register(
        worker,
        db.getTestDatabase(),
        new UnlockerClient(
            UnlockerConfig.sandbox(unlocker.baseUrl(), FakeUnlocker.ZONE),
            UnlockerClient.Settings.DEFAULT,
            clock),
        new YahooClient(YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, clock),
        new MarketRegistration.Settings(
            MarketConfig.DEFAULTS, new CallBudgets(Map.copyOf(budgets), ZoneOffset.UTC)),
        null,
        clock);
    env.start();
  }

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
    if (unlocker != null) {
      unlocker.close();
      yahoo.close();
    }
  }

  private <T> T stub(Class<T> type, String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            type,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
                .build());
  }

  private MarketCollectionSummary collect() {
    MarketCollectionWorkflow workflow =
        stub(MarketCollectionWorkflow.class, "market-collect/" + UUID.randomUUID());
    MarketCollectionSummary summary = workflow.collect(MarketCollectionRequest.defaults());
    // The replay tests keep this history (see RecordedHistories).
    RecordedHistories.save(
        env.getWorkflowClient(),
        WorkflowStub.fromTyped(workflow).getExecution(),
        "market-collection-rounds");
    return summary;
  }

  private MarketQuotesResult quotes(MarketQuotesRequest request) {
    return stub(MarketQuotesWorkflow.class, "market-quotes/" + UUID.randomUUID()).quotes(request);
  }

  @Test
  void aCollectionQuotesEveryTrackedSymbolAndLaterReadsComeFromTheCacheAtNoCost() {
    startWorker(UnlockerFaults.none(), "5.50");

    MarketCollectionSummary summary = collect();

    assertThat(summary.symbols()).isEqualTo(MarketConfig.DEFAULTS.symbols().size());
    assertThat(summary.quoted()).isEqualTo(summary.symbols());
    assertThat(summary.quotesBySource()).containsExactly(Map.entry("bright_data", 5));
    assertThat(summary.costUsd()).isEqualByComparingTo("0.0075");
    assertThat(summary.budgetExhausted()).isFalse();

    clock.advance(Duration.ofMinutes(10));
    MarketQuotesResult read =
        quotes(new MarketQuotesRequest(List.of("AAPL:US", "EURUSD:CUR", "GC1:COM"), false, null));

    assertThat(read.missing()).isEmpty();
    assertThat(read.quotes())
        .allSatisfy(line -> assertThat(line.quote().source()).isEqualTo(QuoteSource.CACHE));
    assertThat(read.costUsd()).isEqualByComparingTo("0");
    assertThat(unlocker.requests()).as("no provider request for cached symbols").isEqualTo(5);
  }

  @Test
  void aCollectionWhoseBudgetRunsOutFinishesFromFreeSources() {
    startWorker(UnlockerFaults.none(), "0.003");

    MarketCollectionSummary summary = collect();

    assertThat(summary.quoted()).isEqualTo(5);
    assertThat(summary.quotesBySource())
        .containsExactlyInAnyOrderEntriesOf(Map.of("bright_data", 2, "yahoo", 3));
    assertThat(summary.budgetExhausted()).isTrue();
    assertThat(summary.costUsd()).isEqualByComparingTo("0.003");
    assertThat(unlocker.requests()).isEqualTo(2);
  }

  @Test
  void onDemandQuotesNameWhyEachSourceFailedAndRefuseUnknownSymbols() {
    startWorker(UnlockerFaults.builder().alwaysRobot(true).build(), "5.50");
    yahoo.faults(YahooFaults.builder().faultRate(0).outagePages(100, 503).build());

    MarketQuotesResult result =
        quotes(new MarketQuotesRequest(List.of("NVDA:US", "FOO:XX"), true, null));

    SymbolQuote nvda = result.quotes().get(0);
    assertThat(nvda.quoted()).isFalse();
    assertThat(nvda.error()).contains("no source could quote NVDA:US");
    assertThat(nvda.attempts())
        .extracting(SourceAttempt::source, SourceAttempt::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(QuoteSource.CACHE, SourceAttempt.SKIPPED),
            org.assertj.core.groups.Tuple.tuple(QuoteSource.BRIGHT_DATA, SourceAttempt.FAILURE),
            org.assertj.core.groups.Tuple.tuple(QuoteSource.YAHOO, SourceAttempt.FAILURE));
    assertThat(nvda.attempts().get(1).reason()).contains("robot");
    assertThat(nvda.attempts().get(2).reason()).contains("503");
    SymbolQuote foo = result.quotes().get(1);
    assertThat(foo.symbol()).isEqualTo("FOO:XX");
    assertThat(foo.error()).contains("unknown symbol \"FOO:XX\"");
    assertThat(result.missing()).hasSize(2);
  }

  @Test
  void theCacheCleanUpDeletesExpiredQuotesOnly() {
    startWorker(UnlockerFaults.none(), "5.50");
    collect();
    MarketCacheCleanupWorkflow first =
        stub(MarketCacheCleanupWorkflow.class, "market-cache-cleanup/1");
    assertThat(first.cleanup(new MarketCacheCleanupRequest("manual"))).isZero();

    clock.advance(Duration.ofMinutes(16));
    MarketCacheCleanupWorkflow second =
        stub(MarketCacheCleanupWorkflow.class, "market-cache-cleanup/2");

    assertThat(second.cleanup(new MarketCacheCleanupRequest("manual"))).isEqualTo(5);
  }
}
