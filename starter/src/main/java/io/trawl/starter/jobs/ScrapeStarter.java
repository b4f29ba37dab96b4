package io.trawl.starter.jobs;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.trawl.starter.AlreadyRunningException;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;

/** Starts scrape runs under their deterministic workflow id. */
final class ScrapeStarter {
  private ScrapeStarter() {}

  /** A started run: its stub (for queries and the result) and its ids. */
  record StartedRun(
      ScrapeRequest request, ScrapeRunWorkflow stub, String workflowId, String runId) {}

  /**
   * Starts the run. A finished run's id may be reused; a running one is refused, because a second
   * concurrent run of the same search would pay for the same records twice.
   */
  static StartedRun start(WorkflowClient client, ScrapeRequest request, String taskQueue) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.workflowId())
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            // What the Web UI and ./trawl runs filter and label runs by.
            .setTypedSearchAttributes(request.searchAttributes())
            .setStaticSummary(request.summary())
            .build();
    ScrapeRunWorkflow stub = client.newWorkflowStub(ScrapeRunWorkflow.class, options);
    try {
      var execution = WorkflowClient.start(stub::run, request);
      return new StartedRun(request, stub, execution.getWorkflowId(), execution.getRunId());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new AlreadyRunningException(
          "a run of \""
              + request.query()
              + "\" in "
              + request.location()
              + " is already going: workflow "
              + e.getExecution().getWorkflowId()
              + " (run "
              + e.getExecution().getRunId()
              + "); see ./trawl status "
              + e.getExecution().getWorkflowId());
    }
  }
}
