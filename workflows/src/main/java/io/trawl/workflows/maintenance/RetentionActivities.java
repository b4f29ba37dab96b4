package io.trawl.workflows.maintenance;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The database side of retention: one activity that prunes finished runs' detail. */
@ActivityInterface
public interface RetentionActivities {
  /**
   * Deletes the detail of runs that ended more than the worker's {@code retention.days} ago (or
   * counts it, on a dry run): staging and reject rows, stage and per-search rows, per-call rows,
   * quotes older than the newest per symbol, and expired cache entries. Run rows themselves stay.
   *
   * <p>Idempotent: each table is pruned by one statement over rows already past the cutoff, so a
   * retry deletes what the first attempt had not reached and nothing else.
   */
  @ActivityMethod(name = "PruneExpired")
  PruneResult prune(boolean dryRun);
}
