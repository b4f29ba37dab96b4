package io.trawl.workflows.market;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** On-demand quotes for a list of symbols, each through the source chain. */
@WorkflowInterface
public interface MarketQuotesWorkflow {
  /** The task queue of every market workflow and activity. */
  String TASK_QUEUE = "trawl-market";

  /**
   * Quotes every symbol asked, a bounded number at once. Never fails for one symbol: an unknown
   * symbol or one no source could quote gets a line with the reason per source.
   */
  @WorkflowMethod
  MarketQuotesResult quotes(MarketQuotesRequest request);
}
