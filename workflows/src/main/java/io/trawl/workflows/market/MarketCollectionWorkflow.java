package io.trawl.workflows.market;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One collection: a quote for every tracked symbol. Scheduled every N minutes ({@code
 * market-collect}); each collection is its own short workflow, so no history grows without bound.
 */
@WorkflowInterface
public interface MarketCollectionWorkflow {
  String TASK_QUEUE = MarketQuotesWorkflow.TASK_QUEUE;

  /**
   * Quotes the tracked symbols with bounded parallelism. Once the budget refuses a paid request the
   * rest come from free sources. Symbols without a quote are counted, not fatal.
   */
  @WorkflowMethod
  MarketCollectionSummary collect(MarketCollectionRequest request);
}
