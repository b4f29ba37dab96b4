package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.starter.chaos.Measure.Kind;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionWorkflow;
import io.trawl.workflows.market.MarketSymbol;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The market pipeline under crashes: one collection of 24 tracked symbols through the Bright Data
 * Unlocker sandbox, whose pages take a quarter of a second, two at a time, so kills land
 * mid-collection. Yahoo answers without its usual random failures, so both runs see the same.
 */
final class MarketCrash implements CrashPipeline {
  static final String NAME = "market";
  private static final int SYMBOLS = 24;

  private final FakeUnlocker unlocker =
      new FakeUnlocker(Clock.systemUTC(), UnlockerFaults.builder().latencyMillis(250).build())
          .start();
  private final FakeYahoo yahoo = new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> providerEnvironment() {
    return Map.of(
        "BRIGHTDATA_API_TOKEN", ChaosProviders.TOKEN,
        "BRIGHTDATA_BASE_URL", unlocker.baseUrl(),
        "YAHOO_BASE_URL", yahoo.baseUrl());
  }

  @Override
  public void prepare(DataSource database) {
    TrackedSymbols tracked = new TrackedSymbols(database);
    int added = 0;
    for (Instrument instrument : Instruments.ALL) {
      if (added == SYMBOLS) {
        return;
      }
      MarketSymbol symbol;
      try {
        symbol = MarketSymbol.parse(instrument.bloomberg());
      } catch (IllegalArgumentException e) {
        continue; // a catalogue entry the symbol grammar does not take: not needed here
      }
      if (tracked.add(symbol.bloomberg(), symbol.assetClass())) {
        added++;
      }
    }
  }

  @Override
  public String start(WorkflowClient client, String workflowId) {
    MarketCollectionWorkflow run =
        client.newWorkflowStub(
            MarketCollectionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(MarketCollectionWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(run::collect, new MarketCollectionRequest(2));
    return workflowId;
  }

  @Override
  public String awaitResult(WorkflowClient client, String workflowId) {
    Map<?, ?> result = ChaosProviders.result(client, workflowId, timeout());
    return "completed: "
        + result.get("quoted")
        + "/"
        + result.get("symbols")
        + " quoted "
        + result.get("quotesBySource");
  }

  @Override
  public List<Measure> measures(DataSource database, Path sideDirectory) {
    List<Measure> measures = new ArrayList<>();
    measures.add(Figures.rows(database, "quotes"));
    measures.add(
        // The same rows as "rows quotes", seen by symbol: compared, but not counted as lost twice.
        Measure.same(
            "symbols quoted",
            Kind.OTHER,
            Figures.count(database, "SELECT count(DISTINCT symbol) FROM quotes")));
    measures.add(Figures.duplicates(database, "quotes", "symbol"));
    measures.add(Measure.same("Unlocker requests billed", Kind.PAID, unlocker.billedRequests()));
    // Yahoo is free: a retried quote may ask it again, so its count is shown, not compared.
    measures.add(new Measure("Yahoo requests", Kind.OTHER, yahoo.requests(), null, false));
    measures.addAll(
        Figures.ledger(
            database,
            provider -> provider.contains("unlocker") ? unlocker.billedRequests() : null));
    measures.add(Figures.leftoverFiles(sideDirectory));
    return measures;
  }

  @Override
  public void close() {
    unlocker.close();
    yahoo.close();
  }
}
