package io.trawl.worker.schedule;

import java.time.Instant;

/**
 * One run a schedule started.
 *
 * @param scheduledAt when the spec said it should run
 * @param startedAt when the server started it (later by jitter or catch-up)
 * @param workflowId the run's workflow id (the schedule's id base plus the scheduled time)
 * @param runId the first Temporal run id
 * @param result the run's status: running, completed, failed, …; for a completed run whose result
 *     carries a different status (a scrape skipped by the interval guard), "completed: skipped"
 */
public record RecentAction(
    Instant scheduledAt, Instant startedAt, String workflowId, String runId, String result) {}
