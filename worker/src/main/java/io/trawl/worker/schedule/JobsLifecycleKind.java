package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleWorkflow;
import java.util.Set;

/** {@code jobs-lifecycle}: retire jobs not seen for {@code threshold_days} (default 14). */
final class JobsLifecycleKind implements ScheduledWorkflowKind {
  static final String NAME = "jobs-lifecycle";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "mark jobs not seen for a while inactive; args [threshold_days=14]";
  }

  @Override
  public Class<?> workflowInterface() {
    return JobLifecycleWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return JobLifecycleWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(NAME, Set.of("threshold_days"));
    return new JobLifecycleRequest(
        args.integer("threshold_days", 1, JobLifecycleRequest.DEFAULT_THRESHOLD_DAYS), false);
  }

  @Override
  public String workflowId(Object input) {
    return JobLifecycleRequest.WORKFLOW_ID;
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return JobLifecycleRequest.searchAttributes();
  }

  @Override
  public String summary(Object input) {
    return ((JobLifecycleRequest) input).summary();
  }
}
