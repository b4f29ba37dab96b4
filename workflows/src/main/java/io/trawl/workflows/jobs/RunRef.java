package io.trawl.workflows.jobs;

/**
 * A claim-check pointer to one {@code scrape_runs} row.
 *
 * @param runId the row's id
 * @param workflowId the workflow that owns the run
 * @param query the search keyword
 * @param location the search location
 */
public record RunRef(long runId, String workflowId, String query, String location) {
  public RunRef {
    if (runId <= 0) {
      throw new IllegalArgumentException("runId must be positive, got " + runId);
    }
  }
}
