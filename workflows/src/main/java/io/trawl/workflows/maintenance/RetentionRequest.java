package io.trawl.workflows.maintenance;

/**
 * One pruning of finished runs' detail under the worker's {@code retention.days}.
 *
 * @param trigger who asked: {@code schedule} or {@code manual}; only shown in the Web UI
 * @param dryRun count what would be pruned and delete nothing
 */
public record RetentionRequest(String trigger, boolean dryRun) {
  /** Workflow id of a manual pruning; the schedule appends each action's time to it. */
  public static final String WORKFLOW_ID = "maintenance-retention";

  public RetentionRequest {
    trigger = trigger == null || trigger.isBlank() ? "manual" : trigger.strip();
  }

  public String summary() {
    return "retention prune (" + trigger + (dryRun ? ", dry run" : "") + ")";
  }
}
