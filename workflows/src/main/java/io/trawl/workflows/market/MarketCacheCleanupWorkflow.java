package io.trawl.workflows.market;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Deletes expired cached quotes; scheduled hourly ({@code market-cache-cleanup}). */
@WorkflowInterface
public interface MarketCacheCleanupWorkflow {
  String TASK_QUEUE = MarketQuotesWorkflow.TASK_QUEUE;

  /** Returns how many expired cache rows it deleted. */
  @WorkflowMethod
  int cleanup(MarketCacheCleanupRequest request);
}
