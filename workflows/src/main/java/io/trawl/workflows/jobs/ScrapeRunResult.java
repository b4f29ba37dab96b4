package io.trawl.workflows.jobs;

import java.util.Locale;

/**
 * The outcome of one scrape run, as the original's {@code ScrapeRunResult}.
 *
 * @param runId the {@code scrape_runs} row id
 * @param query the search keyword
 * @param location the search location
 * @param status completed, failed or cancelled
 * @param jobsFound content records the provider delivered
 * @param jobsNew jobs inserted for the first time
 * @param jobsUpdated existing jobs seen again
 * @param jobsInvalid malformed records kept aside
 * @param duplicates repeats of a job_posting_id inside the batch
 * @param durationSeconds wall time from the run row's start to its end
 * @param snapshotId the provider snapshot, null if the run failed before triggering
 * @param provider "sandbox" or "real"
 * @param dateRange the provider time range asked for
 * @param error the error message when the run did not complete
 */
public record ScrapeRunResult(
    long runId,
    String query,
    String location,
    String status,
    int jobsFound,
    int jobsNew,
    int jobsUpdated,
    int jobsInvalid,
    int duplicates,
    double durationSeconds,
    String snapshotId,
    String provider,
    String dateRange,
    String error) {

  public boolean completed() {
    return "completed".equals(status);
  }

  /** The original's summary block. */
  public String summary() {
    if (!completed()) {
      return String.format(
          Locale.ROOT,
          "Scrape %s: %s in %s%n  Error: %s%n  Duration: %.1fs",
          status,
          query,
          location,
          error,
          durationSeconds);
    }
    return String.format(
        Locale.ROOT,
        "Scrape completed: %s in %s%n  Jobs found: %d%n  New: %d%n  Updated: %d%n"
            + "  Invalid: %d%n  Duplicates: %d%n  Duration: %.1fs",
        query,
        location,
        jobsFound,
        jobsNew,
        jobsUpdated,
        jobsInvalid,
        duplicates,
        durationSeconds);
  }
}
