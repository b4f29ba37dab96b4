package io.trawl.workflows.jobs.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What the retire step did.
 *
 * @param asOf the run's clock reading; every job it marked has {@code inactive_since = asOf}
 * @param cutoff {@code asOf} minus the threshold: jobs last seen before it are stale
 * @param markedNow jobs marked inactive by this run (in a dry run: that would be)
 * @param retired per search, the jobs marked
 * @param skipped per search, stale jobs the grace guard kept active, with the reason
 */
public record Retirement(
    Instant asOf,
    Instant cutoff,
    int markedNow,
    List<RetiredGroup> retired,
    List<SkippedGroup> skipped) {
  public Retirement {
    retired = List.copyOf(retired);
    skipped = List.copyOf(skipped);
  }
}
