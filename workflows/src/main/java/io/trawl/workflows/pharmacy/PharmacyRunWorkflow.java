package io.trawl.workflows.pharmacy;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One pharmacy run: collection, dedup, classification, verification, each durable. */
@WorkflowInterface
public interface PharmacyRunWorkflow {
  /** The task queue of the pipeline's bookkeeping and stage activities. */
  String TASK_QUEUE = "trawl-pharmacy";

  /**
   * Runs the four stages for every (query, location), skipping stages an unfinished run of the same
   * search already completed. Fails with the first stage's typed failure after marking the row
   * failed; ends {@code partial} when the budget ran out during verification.
   */
  @WorkflowMethod
  PharmacyRunResult run(PharmacyRunRequest request);

  /** The stage the run is in and how far it got. */
  @QueryMethod
  PharmacyProgress progress();
}
