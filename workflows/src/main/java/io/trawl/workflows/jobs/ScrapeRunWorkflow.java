package io.trawl.workflows.jobs;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One jobs scrape run: the original's seven steps, from date range to finished run row. */
@WorkflowInterface
public interface ScrapeRunWorkflow {
  /** Task queue the jobs workers poll. */
  String TASK_QUEUE = "trawl-jobs";

  /**
   * Runs the seven steps and returns the run's counts. A run that fails still marks its row failed
   * (or cancelled) and then fails the workflow with the cause.
   */
  @WorkflowMethod
  ScrapeRunResult run(ScrapeRequest request);

  /** Where the run is: step, provider status, records, polls and elapsed seconds. */
  @QueryMethod
  ScrapeProgress progress();
}
