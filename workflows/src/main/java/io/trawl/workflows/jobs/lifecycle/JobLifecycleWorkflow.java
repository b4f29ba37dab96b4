package io.trawl.workflows.jobs.lifecycle;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;

/** The original's daily job lifecycle: retire jobs not seen for a while, then report the counts. */
@WorkflowInterface
public interface JobLifecycleWorkflow {
  /** Runs on the jobs pipeline's workers. */
  String TASK_QUEUE = ScrapeRunWorkflow.TASK_QUEUE;

  /**
   * Marks stale jobs inactive (guarded per search, see {@link
   * JobLifecycleActivities#retireStaleJobs}) and returns what it marked, what it kept and the
   * totals. Safe to repeat: a second run on the same day finds nothing more to mark.
   */
  @WorkflowMethod
  JobLifecycleResult run(JobLifecycleRequest request);
}
