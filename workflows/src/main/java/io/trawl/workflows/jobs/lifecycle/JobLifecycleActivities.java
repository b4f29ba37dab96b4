package io.trawl.workflows.jobs.lifecycle;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** The {@code jobs} lifecycle columns: {@code is_active}, {@code inactive_since}. */
@ActivityInterface
public interface JobLifecycleActivities {
  /**
   * Marks active jobs last seen before {@code asOf} minus the threshold inactive ({@code is_active
   * = false}, {@code inactive_since = asOf}), search by search. The grace guard keeps a search's
   * jobs active unless that search had a completed scrape inside the threshold window; such
   * searches come back as skipped, with the reason. A dry run changes nothing and reports what
   * would be marked.
   *
   * <p>Idempotent: the marks are stamped with {@code asOf} and the counts are read back by that
   * stamp in the same transaction, so a retry after a commit marks nothing more and returns the
   * same result. Throws {@code InvalidInput} for a threshold below one day.
   */
  Retirement retireStaleJobs(JobLifecycleRequest request, Instant asOf);

  /**
   * Counts active jobs, inactive jobs, and jobs marked inactive in the seven days before {@code
   * asOf}. Read-only.
   */
  InactiveSummary summarizeInactive(Instant asOf);
}
