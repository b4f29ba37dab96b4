package io.trawl.starter.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Where the kills of one crashed run land, drawn from a seed: each kill waits until the run has
 * made a given amount of progress (completed activities, local activities, fired timers, finished
 * children, as the uninterrupted run counted them), then a random pause, so it lands inside an
 * activity or between two. Waiting for progress rather than for a clock keeps every kill inside the
 * run, however slowly a loaded machine runs it.
 */
record KillPlan(List<Kill> kills) {
  /** The longest pause after the progress point. */
  static final long MAX_PAUSE_MILLIS = 1_500;

  /** The shortest of the longest pauses, so a kill still lands at a point inside a step. */
  static final long MIN_PAUSE_MILLIS = 50;

  /** One kill: after {@code progress} steps and then {@code pauseMillis}. */
  record Kill(long progress, long pauseMillis) {}

  KillPlan {
    kills = List.copyOf(kills);
  }

  /**
   * {@code count} kills spread over the first nine tenths of a run of {@code referenceProgress}
   * steps that took {@code referenceMillis} undisturbed, each paused after its point for up to
   * twice the average step: long enough to land inside the step, short enough not to outlast the
   * run (the last steps of a run are often quick bookkeeping).
   */
  static KillPlan draw(long seed, int count, long referenceProgress, long referenceMillis) {
    Random random = new Random(seed);
    long span = Math.max(1, referenceProgress * 9 / 10);
    long maxPause =
        Math.clamp(
            2 * referenceMillis / Math.max(1, referenceProgress),
            MIN_PAUSE_MILLIS,
            MAX_PAUSE_MILLIS);
    List<Kill> kills = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kills.add(new Kill(random.nextLong(span), random.nextLong(maxPause + 1)));
    }
    kills.sort(Comparator.comparingLong(Kill::progress).thenComparingLong(Kill::pauseMillis));
    return new KillPlan(kills);
  }
}
