package io.trawl.workflows.jobs;

import java.util.Locale;

/**
 * The outcome of one scrape run, as the original's {@code ScrapeRunResult}.
 *
 * @param runId the {@code scrape_runs} row id
 * @param query the search keyword
 * @param location the search location
 * @param status completed, failed, cancelled, or skipped by the interval guard
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
 * @param notice what the interval guard said when it matters: why a scheduled run was skipped, or
 *     that a manual run ran inside the interval; null otherwise (and in results recorded before
 *     the field existed)
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
    String error,
    String notice) {

  /** A result without a notice, as every run had before the interval guard. */
  public ScrapeRunResult(
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
    this(
        runId,
        query,
        location,
        status,
        jobsFound,
        jobsNew,
        jobsUpdated,
        jobsInvalid,
        duplicates,
        durationSeconds,
        snapshotId,
        provider,
        dateRange,
        error,
        null);
  }

  public boolean completed() {
    return "completed".equals(status);
  }

  /** True when the interval guard ended a scheduled run before it spent anything. */
  public boolean skipped() {
    return "skipped".equals(status);
  }

  /** This result with {@code text} as its notice. */
  public ScrapeRunResult withNotice(String text) {
    return new ScrapeRunResult(
        runId,
        query,
        location,
        status,
        jobsFound,
        jobsNew,
        jobsUpdated,
        jobsInvalid,
        duplicates,
        durationSeconds,
        snapshotId,
        provider,
        dateRange,
        error,
        text);
  }

  /** The original's summary block; a skipped run gives the guard's reason instead of counts. */
  public String summary() {
    if (skipped()) {
      return String.format(
          Locale.ROOT, "Scrape skipped: %s in %s%n  Reason: %s", query, location, notice);
    }
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
    String counts =
        String.format(
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
    return notice == null ? counts : counts + String.format("%n  Note: %s", notice);
  }
}
