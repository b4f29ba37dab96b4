package io.trawl.workflows.maintenance;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Prunes old runs' detail so a database fed by schedules for months stays bounded; scheduled daily
 * ({@code maintenance-retention}) or run by {@code ./trawl maintenance prune}.
 */
@WorkflowInterface
public interface RetentionWorkflow {
  /** Every worker polls it: retention touches every pipeline's tables, not one pipeline's. */
  String TASK_QUEUE = "trawl-maintenance";

  /** Returns the rows pruned per table. */
  @WorkflowMethod
  PruneResult prune(RetentionRequest request);
}
