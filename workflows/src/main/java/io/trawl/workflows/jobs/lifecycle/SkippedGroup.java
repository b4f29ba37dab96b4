package io.trawl.workflows.jobs.lifecycle;

import java.time.Instant;

/**
 * Stale jobs of one search the grace guard kept active: the search had no completed scrape inside
 * the threshold window, so "not seen" may mean "not looked for".
 *
 * @param query the search the jobs were last seen under
 * @param location its location
 * @param staleJobs active jobs older than the threshold that stay active
 * @param lastCompletedRun when the search's last completed scrape started; null if it never had one
 * @param reason one sentence for the report
 */
public record SkippedGroup(
    String query, String location, int staleJobs, Instant lastCompletedRun, String reason) {}
