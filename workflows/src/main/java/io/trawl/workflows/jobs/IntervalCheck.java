package io.trawl.workflows.jobs;

import java.time.Instant;

/**
 * The interval guard's answer for one search: whether a run is due, and why.
 *
 * @param due false when the last completed run is younger than the minimum interval
 * @param lastCompletedStart when the last completed run of the search started; null if none
 * @param reason one sentence for the run row and the summary, e.g. "last completed run 2h 3m ago is
 *     younger than the 6 h minimum interval"
 */
public record IntervalCheck(boolean due, Instant lastCompletedStart, String reason) {
  public IntervalCheck {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason is empty");
    }
  }
}
