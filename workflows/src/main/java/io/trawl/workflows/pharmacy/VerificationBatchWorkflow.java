package io.trawl.workflows.pharmacy;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Verifies one batch of places as a child of the run, so a run of 20,000 places never grows one
 * history past Temporal's event limit (each verification is its own rate-limited activity).
 */
@WorkflowInterface
public interface VerificationBatchWorkflow {
  /** One Places lookup per key; stops early once the budget refuses a call. */
  @WorkflowMethod
  VerificationResult verify(PharmacyRunRef run, List<String> placeKeys);
}
