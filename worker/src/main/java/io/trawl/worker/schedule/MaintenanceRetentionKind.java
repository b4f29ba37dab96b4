package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.maintenance.RetentionRequest;
import io.trawl.workflows.maintenance.RetentionWorkflow;
import java.util.Set;

/** {@code maintenance-retention}: prune finished runs' detail older than {@code retention.days}. */
final class MaintenanceRetentionKind implements ScheduledWorkflowKind {
  static final String NAME = "maintenance-retention";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "prune runs' detail older than retention.days (daily); no args";
  }

  @Override
  public Class<?> workflowInterface() {
    return RetentionWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return RetentionWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(NAME, Set.of());
    return new RetentionRequest("schedule", false);
  }

  @Override
  public String workflowId(Object input) {
    return RetentionRequest.WORKFLOW_ID;
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return RunAttributes.atStart("maintenance", null, null, "retention");
  }

  @Override
  public String summary(Object input) {
    return ((RetentionRequest) input).summary();
  }
}
