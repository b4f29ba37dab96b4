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

  /** One kill: after {@code progress} steps and then {@code pauseMillis}. */
  record Kill(long progress, long pauseMillis) {}

  KillPlan {
    kills = List.copyOf(kills);
  }

  /**
   * {@code count} kills spread over a run of {@code referenceProgress} steps. The last step is left
   * out, so no kill waits for a point the run only reaches as it completes.
   */
  static KillPlan draw(long seed, int count, long referenceProgress) {
    Random random = new Random(seed);
    long span = Math.max(1, referenceProgress - 1);
    List<Kill> kills = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kills.add(new Kill(random.nextLong(span), random.nextLong(MAX_PAUSE_MILLIS + 1)));
    }
    kills.sort(Comparator.comparingLong(Kill::progress).thenComparingLong(Kill::pauseMillis));
    return new KillPlan(kills);
  }
}
