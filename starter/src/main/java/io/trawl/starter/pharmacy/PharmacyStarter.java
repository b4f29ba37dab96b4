package io.trawl.starter.pharmacy;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.trawl.starter.AlreadyRunningException;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;

/** Starts pharmacy runs under their deterministic workflow id (one per search at a time). */
public final class PharmacyStarter {
  private PharmacyStarter() {}

  public record StartedRun(
      PharmacyRunRequest request, PharmacyRunWorkflow stub, String workflowId, String runId) {}

  public static StartedRun start(
      WorkflowClient client, PharmacyRunRequest request, String taskQueue) {
    String queries = String.join(", ", request.queries());
    String locations = String.join("; ", request.locations());
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.workflowId())
            .setTaskQueue(taskQueue)
            // A finished search may run again; a running one may not (it would pay twice).
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setTypedSearchAttributes(request.searchAttributes())
            .setStaticSummary(request.summary())
            .build();
    PharmacyRunWorkflow stub = client.newWorkflowStub(PharmacyRunWorkflow.class, options);
    try {
      var execution = WorkflowClient.start(stub::run, request);
      return new StartedRun(request, stub, execution.getWorkflowId(), execution.getRunId());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new AlreadyRunningException(
          "a pharmacy run of "
              + queries
              + " in "
              + locations
              + " is already going: workflow "
              + e.getExecution().getWorkflowId()
              + "; see ./trawl status "
              + e.getExecution().getWorkflowId());
    }
  }
}
