package io.trawl.workflows.jobs.lifecycle;

/**
 * The original's {@code get_inactive_jobs_summary()} counts, read after a run.
 *
 * @param totalActive jobs still active
 * @param totalInactive jobs marked inactive, ever
 * @param inactiveLast7Days jobs marked inactive in the seven days before the run's clock reading
 */
public record InactiveSummary(long totalActive, long totalInactive, long inactiveLast7Days) {}
