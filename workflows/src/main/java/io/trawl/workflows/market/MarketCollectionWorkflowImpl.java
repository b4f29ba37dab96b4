package io.trawl.workflows.market;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.RunAttributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/** One collection of every tracked symbol, a bounded number at once. */
public class MarketCollectionWorkflowImpl implements MarketCollectionWorkflow {
  private static final Logger log = Workflow.getLogger(MarketCollectionWorkflowImpl.class);

  private final MarketStoreActivities store =
      Workflow.newActivityStub(MarketStoreActivities.class, MarketActivityOptions.BOOKKEEPING);
  private final MarketQuoteActivities quotes =
      Workflow.newActivityStub(MarketQuoteActivities.class, MarketActivityOptions.COLLECTION);

  @Override
  public MarketCollectionSummary collect(MarketCollectionRequest request) {
    MarketCollectionRequest effective =
        request == null ? MarketCollectionRequest.defaults() : request;
    List<String> symbols = store.trackedSymbols(); // 1. what to quote, read now
    List<SymbolQuote> lines = quoteAll(symbols, effective.parallelism()); // 2. the chain each
    MarketCollectionSummary summary = summarize(symbols.size(), lines); // 3. counts only
    Workflow.setCurrentDetails(summary.describe());
    RunAttributes.upsertStatus("completed");
    log.info("market collection {}", summary.describe());
    return summary;
  }

  private List<SymbolQuote> quoteAll(List<String> symbols, int parallelism) {
    List<Promise<SymbolQuote>> all = new ArrayList<>();
    List<Promise<SymbolQuote>> inFlight = new ArrayList<>();
    for (String symbol : symbols) {
      if (inFlight.size() >= parallelism) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      QuoteLookup lookup = new QuoteLookup(symbol, false, null);
      Promise<SymbolQuote> line =
          Async.function(QuoteCalls::quoteOutlastingCrashes, quotes, lookup);
      all.add(line);
      inFlight.add(line);
    }
    return all.stream().map(Promise::get).toList();
  }

  private static MarketCollectionSummary summarize(int symbols, List<SymbolQuote> lines) {
    Map<String, Integer> bySource = new TreeMap<>();
    List<String> failed = new ArrayList<>();
    BigDecimal cost = BigDecimal.ZERO;
    int cacheHits = 0;
    boolean budgetExhausted = false;
    for (SymbolQuote line : lines) {
      budgetExhausted |= QuoteCalls.budgetRefused(line);
      if (!line.quoted()) {
        failed.add(line.symbol());
        continue;
      }
      Quote quote = line.quote();
      bySource.merge(quote.source().wireName(), 1, Integer::sum);
      cost = cost.add(quote.costUsd());
      cacheHits += quote.source() == QuoteSource.CACHE ? 1 : 0;
    }
    return new MarketCollectionSummary(
        symbols,
        lines.size() - failed.size(),
        bySource,
        failed.size(),
        failed,
        cost,
        cacheHits,
        budgetExhausted);
  }
}
