package io.trawl.workflows.etl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Several sources, each as an {@link EtlSourceWorkflow} child, a bounded number at a time. */
@WorkflowInterface
public interface EtlBatchWorkflow {
  /**
   * Runs every source and returns all outcomes in the request's order. A child that fails (or
   * cannot start because the same source is already running elsewhere) becomes a {@code failed}
   * row; the batch itself completes.
   */
  @WorkflowMethod
  EtlBatchResult run(EtlBatchRequest request);

  /** Which sources are pending, running and finished. */
  @QueryMethod
  EtlBatchProgress progress();
}
