package io.trawl.starter.market;

import io.temporal.client.WorkflowOptions;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.market.MarketQuotesRequest;
import io.trawl.workflows.market.MarketQuotesResult;
import io.trawl.workflows.market.MarketQuotesWorkflow;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.market.SourceAttempt;
import io.trawl.workflows.market.SymbolQuote;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl market quotes}: one quote per symbol through the chain, with source and cost. */
@Command(
    name = "quotes",
    mixinStandardHelpOptions = true,
    header = "Quote symbols now: price, change, as-of, the source that answered and its cost.",
    description = {
      "Each symbol is answered from the quote cache while fresh (free), else from Bright Data's",
      "Bloomberg page (paid, within the day's brightdata-unlocker budget), else from Yahoo.",
      "Symbols take the Bloomberg form (AAPL:US, EURUSD:CUR, GC1:COM) or Yahoo's (AAPL,",
      "EURUSD=X, GC=F). Exit 1 when a symbol got no quote, naming why for each source; exit 2",
      "for a symbol form trawl does not know.",
      "",
      "Example: trawl market quotes AAPL:US EURUSD:CUR GC1:COM",
      "         trawl market quotes AAPL:US --fresh --source yahoo"
    })
public final class MarketQuotesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "Symbols to quote.")
  List<String> symbols = new ArrayList<>();

  @Option(names = "--fresh", description = "Skip the cache: ask a provider.")
  boolean fresh;

  @Option(
      names = "--source",
      paramLabel = "S",
      description = "Ask only this source: cache, bright_data or yahoo.")
  String source;

  @Option(names = "--json", description = "Print the quotes as JSON.")
  boolean json;

  @Override
  public Integer call() {
    MarketQuotesRequest request = request();
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.WORKFLOWS, spec.commandLine().getErr())) {
      MarketQuotesWorkflow workflow =
          runtime
              .client()
              .newWorkflowStub(
                  MarketQuotesWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("market-quotes/" + UUID.randomUUID())
                      .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
                      .build());
      MarketQuotesResult result = workflow.quotes(request);
      if (json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quotes", result.quotes());
        body.put("missing", result.missing().stream().map(SymbolQuote::symbol).toList());
        body.put("cost_usd", result.costUsd());
        out.println(Json.write(body));
      } else {
        MarketReport.printQuotes(out, result);
      }
      out.flush();
      return result.missing().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private MarketQuotesRequest request() {
    for (String symbol : symbols) {
      try {
        MarketSymbol.of(symbol);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (source != null) {
      try {
        QuoteSource.fromWireName(source);
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--source must be cache, bright_data or yahoo, got \"" + source + "\"");
      }
    }
    try {
      return new MarketQuotesRequest(symbols, fresh, source);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** For the report: why a symbol has no quote, one source per part. */
  static String why(SymbolQuote line) {
    List<String> parts = new ArrayList<>();
    if (line.error() != null && !line.error().isBlank()) {
      parts.add(line.error());
    }
    for (SourceAttempt attempt : line.attempts()) {
      parts.add(attempt.describe());
    }
    return String.join("; ", parts);
  }
}
