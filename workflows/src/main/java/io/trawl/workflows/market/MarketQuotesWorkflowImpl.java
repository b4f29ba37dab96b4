package io.trawl.workflows.market;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.RunInputs;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** On-demand quotes: each symbol through the chain, a bounded number at once, in asked order. */
public class MarketQuotesWorkflowImpl implements MarketQuotesWorkflow {
  private static final Logger log = Workflow.getLogger(MarketQuotesWorkflowImpl.class);

  private final MarketQuoteActivities quotes =
      Workflow.newActivityStub(MarketQuoteActivities.class, MarketActivityOptions.ON_DEMAND);

  @Override
  public MarketQuotesResult quotes(MarketQuotesRequest request) {
    RunInputs.require(request, "{\"symbols\": [\"AAPL:US\"]}");
    List<Promise<SymbolQuote>> lines = new ArrayList<>(); // 1. one line per symbol, in order
    List<Promise<SymbolQuote>> inFlight = new ArrayList<>();
    for (String asked : request.symbols()) {
      QuoteLookup lookup;
      try {
        lookup = new QuoteLookup(asked, request.fresh(), request.forcedSource());
      } catch (IllegalArgumentException e) {
        lines.add(Workflow.newPromise(new SymbolQuote(asked, null, List.of(), e.getMessage())));
        continue;
      }
      if (inFlight.size() >= MarketActivityOptions.PARALLEL_QUOTES) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      Promise<SymbolQuote> line = Async.function(QuoteCalls::quote, quotes, lookup); // 2. chain
      lines.add(line);
      inFlight.add(line);
    }
    MarketQuotesResult result = new MarketQuotesResult(lines.stream().map(Promise::get).toList());
    log.info(
        "market quotes symbols={} quoted={} missing={}",
        result.quotes().size(),
        result.quotes().size() - result.missing().size(),
        result.missing().size());
    return result; // 3. the caller prints the table and exits 1 when a line has no quote
  }
}
