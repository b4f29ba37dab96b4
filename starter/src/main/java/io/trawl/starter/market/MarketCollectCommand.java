package io.trawl.starter.market;

import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.trawl.workflows.market.MarketCollectionWorkflow;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trawl market collect}: one collection of every tracked symbol, now. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    header = "Quote every tracked symbol now (what the market-collect schedule does).",
    description = {
      "Fresh cached quotes are reused; the rest come from Bright Data or Yahoo. Exit 1 when a",
      "collection is already running (a schedule's) or this one failed.",
      "",
      "Example: trawl market collect"
    })
public final class MarketCollectCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err)) {
      MarketCollectionWorkflow workflow =
          runtime
              .client()
              .newWorkflowStub(
                  MarketCollectionWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(MarketCollectionRequest.WORKFLOW_ID)
                      .setTaskQueue(MarketCollectionWorkflow.TASK_QUEUE)
                      .build());
      MarketCollectionSummary summary;
      try {
        summary = workflow.collect(MarketCollectionRequest.defaults());
      } catch (WorkflowExecutionAlreadyStarted e) {
        err.println(
            "trawl: a market collection is running now ("
                + MarketCollectionRequest.WORKFLOW_ID
                + "); try again when it ends");
        err.flush();
        return ExitCodes.FAILED;
      }
      out.println("Market collection: " + summary.describe());
      if (!summary.failedSymbols().isEmpty()) {
        out.println("No quote for: " + String.join(", ", summary.failedSymbols()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
