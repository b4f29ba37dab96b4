package io.trawl.workflows.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * The original's {@code should_trigger_scrape(query, location, min_interval_hours)}: a search is
 * due when its last completed run started at least the minimum interval ago.
 *
 * <p>Pure: callers pass the clock reading, so the same inputs always give the same answer.
 */
public final class IntervalGuard {
  /**
   * How much younger than the interval a run may be and still count as due. A schedule every 6 h
   * with up to 5 min of jitter starts runs as little as 5 h 55 m apart, and the run row is written
   * a moment after the action fires; without this slack a 6 h schedule under a 6 h guard would skip
   * every other run.
   */
  public static final Duration SLACK = Duration.ofMinutes(10);

  private IntervalGuard() {}

  /**
   * @param lastCompletedStart when the last completed run of the search started; null if none
   * @param now the current time
   * @param minIntervalHours the minimum interval; 0 means every run is due
   */
  public static IntervalCheck check(Instant lastCompletedStart, Instant now, int minIntervalHours) {
    if (minIntervalHours < 0) {
      throw new IllegalArgumentException(
          "min interval hours must be 0 or more, got " + minIntervalHours);
    }
    String interval = minIntervalHours + " h minimum interval";
    if (minIntervalHours == 0) {
      return new IntervalCheck(true, lastCompletedStart, "interval guard off (0 h)");
    }
    if (lastCompletedStart == null) {
      return new IntervalCheck(true, null, "no completed run of this search yet");
    }
    Duration age = Duration.between(lastCompletedStart, now);
    Duration due = Duration.ofHours(minIntervalHours).minus(SLACK);
    String ago = RunAge.describeLastCompleted(age);
    if (age.compareTo(due) >= 0) {
      return new IntervalCheck(true, lastCompletedStart, ago + " is older than the " + interval);
    }
    return new IntervalCheck(false, lastCompletedStart, ago + " is younger than the " + interval);
  }
}
