package io.trawl.workflows.jobs.lifecycle;

import io.temporal.common.SearchAttributes;
import io.trawl.workflows.common.RunAttributes;

/**
 * What one job lifecycle run does.
 *
 * <p>Every field has a default: {@code {}} (or no input) from the Web UI is a run with the default
 * threshold.
 *
 * @param thresholdDays an active job not seen for this many days is retired; null means {@link
 *     #DEFAULT_THRESHOLD_DAYS}
 * @param dryRun report what would be retired without changing anything
 */
public record JobLifecycleRequest(Integer thresholdDays, boolean dryRun) {
  /** The original's {@code mark_inactive_jobs(threshold_days=14)}. */
  public static final int DEFAULT_THRESHOLD_DAYS = 14;

  /**
   * Workflow id of a manual run. One id means two people cannot retire jobs at the same time; a
   * Temporal Schedule appends each action's time to it, so scheduled runs never collide with it.
   */
  public static final String WORKFLOW_ID = "jobs-lifecycle";

  public JobLifecycleRequest {
    if (thresholdDays == null) {
      thresholdDays = DEFAULT_THRESHOLD_DAYS;
    } else if (thresholdDays < 1) {
      throw new IllegalArgumentException("threshold days must be 1 or more, got " + thresholdDays);
    }
  }

  public static JobLifecycleRequest defaults() {
    return new JobLifecycleRequest(null, false);
  }

  /** trawl's search attributes of a lifecycle run, manual or scheduled. */
  public static SearchAttributes searchAttributes() {
    return RunAttributes.atStart("jobs", null, null, "lifecycle");
  }

  /** The line the Web UI shows for the run. */
  public String summary() {
    return "jobs lifecycle: retire jobs not seen for "
        + thresholdDays
        + " days"
        + (dryRun ? " (dry run)" : "");
  }
}
