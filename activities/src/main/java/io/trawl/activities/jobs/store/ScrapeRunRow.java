package io.trawl.activities.jobs.store;

import java.time.Instant;

/**
 * One {@code scrape_runs} row as the CLI's run history shows it. Count names follow {@link
 * io.trawl.workflows.jobs.ScrapeRunResult}.
 *
 * @param id the row id
 * @param workflowId the Temporal workflow that owns the run
 * @param query the search keyword
 * @param location the search location
 * @param status running, completed, failed, cancelled or skipped
 * @param dateRange the provider range asked for, e.g. "past_week"; null before step 2 finished
 * @param lookbackDays the days that range stands for
 * @param provider "sandbox" or "real"
 * @param snapshotId the provider snapshot, null before the trigger
 * @param jobsFound content records delivered
 * @param jobsNew jobs inserted for the first time
 * @param jobsUpdated existing jobs seen again
 * @param jobsInvalid malformed records kept in {@code job_rejects}
 * @param duplicates repeats of a job_posting_id inside the batch
 * @param errorRecords provider error records (free, skipped)
 * @param durationSeconds start to end in seconds; null while running
 * @param startedAt when the row was inserted
 * @param finishedAt when the run ended; null while running
 * @param error why the run failed or was cancelled
 * @param metadata the metadata jsonb as JSON text
 */
public record ScrapeRunRow(
    long id,
    String workflowId,
    String query,
    String location,
    String status,
    String dateRange,
    Integer lookbackDays,
    String provider,
    String snapshotId,
    int jobsFound,
    int jobsNew,
    int jobsUpdated,
    int jobsInvalid,
    int duplicates,
    int errorRecords,
    Double durationSeconds,
    Instant startedAt,
    Instant finishedAt,
    String error,
    String metadata) {}
