package io.trawl.workflows.jobs;

import io.temporal.activity.ActivityInterface;

/** Bookkeeping on the {@code scrape_runs} table: steps 1, 2, 3 and 7. */
@ActivityInterface
public interface ScrapeRunActivities {
  /**
   * Step 0, the interval guard: asks whether the search's last completed run is older than the
   * request's minimum interval ({@link IntervalGuard}). Read-only, so retries are harmless.
   */
  IntervalCheck checkInterval(ScrapeRequest request);

  /**
   * Records a scheduled run the interval guard held back: a {@code scrape_runs} row with status
   * {@code skipped} and the guard's reason, and returns it as a result with status skipped.
   * Idempotent: keyed by the Temporal workflow run id, a retry returns the row already written.
   */
  ScrapeRunResult recordSkipped(ScrapeRequest request, IntervalCheck check);

  /**
   * Step 1: picks the date range from the last completed run of (query, location) and the clock,
   * or from the request's manual lookback. Read-only, so retries are harmless.
   */
  DateRangeChoice resolveDateRange(ScrapeRequest request);

  /**
   * Step 2: inserts the run row with status {@code running} and metadata {date_range,
   * lookback_days, provider}. Idempotent: keyed by the Temporal workflow run id, a retry returns
   * the row the first attempt inserted.
   */
  RunRef openRun(ScrapeRequest request, DateRangeChoice range);

  /**
   * Step 3: chooses the sandbox or the real Bright Data client from configuration (a token in
   * the environment means real) and records the choice on the run. Idempotent update.
   */
  ProviderRef selectProvider(RunRef run);

  /**
   * Step 7: marks the run {@code completed} with counts, duration and metadata and returns the
   * result. Idempotent: a completed row is read back, not rewritten.
   */
  ScrapeRunResult finishRun(RunRef run, IngestResult result);

  /**
   * Marks the run {@code failed} or {@code cancelled} with the error text, unless it already
   * ended. Throws {@code InvalidInput} for any other status.
   */
  ScrapeRunResult markEnded(RunRef run, String status, String error);
}
