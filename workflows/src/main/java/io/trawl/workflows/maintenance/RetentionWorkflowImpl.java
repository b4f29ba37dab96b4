package io.trawl.workflows.maintenance;

import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.RunAttributes;
import org.slf4j.Logger;

/** Prunes old runs' detail in one activity. */
public class RetentionWorkflowImpl implements RetentionWorkflow {
  private static final Logger log = Workflow.getLogger(RetentionWorkflowImpl.class);

  private final RetentionActivities retention =
      Workflow.newActivityStub(RetentionActivities.class, MaintenanceActivityOptions.PRUNE);

  @Override
  public PruneResult prune(RetentionRequest request) {
    Workflow.setCurrentDetails(request.summary());
    PruneResult result = retention.prune(request.dryRun()); // 1. one statement per table
    Workflow.setCurrentDetails(
        result.total() + (result.dryRun() ? " rows would be pruned" : " rows pruned"));
    RunAttributes.upsertStatus("completed");
    log.info(
        "retention prune days={} dry_run={} rows={}",
        result.retentionDays(),
        result.dryRun(),
        result.total());
    return result;
  }
}
