package io.trawl.workflows.maintenance;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Every activity option of the maintenance workflows, with the reason for its numbers. */
public final class MaintenanceActivityOptions {
  private MaintenanceActivityOptions() {}

  /**
   * A pruning deletes in a few statements; a first run over months of rows may take minutes, and a
   * retry only finishes what the last attempt left, so it backs off and tries for an hour.
   */
  public static final ActivityOptions PRUNE =
      ActivityOptions.newBuilder()
          .setTaskQueue(RetentionWorkflow.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setMaximumAttempts(10)
                  .build())
          .build();
}
