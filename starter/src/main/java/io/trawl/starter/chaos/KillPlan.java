package io.trawl.starter.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Where the kills of one crashed run land, drawn from a seed. Each kill is a random moment of the
 * uninterrupted run, uniform over its first {@link #SHARE} of wall time, expressed as the progress
 * the run had made by then (completed activities, local activities, fired timers, finished
 * children) plus the time since that progress: the crashed run is killed once it reaches the same
 * progress and that pause has passed. Anchoring to progress rather than to a clock keeps every kill
 * inside the run, however slowly a loaded machine or the restarts make it go.
 */
record KillPlan(List<Kill> kills) {
  /** The share of the reference run's wall time the kills are spread over. */
  static final double SHARE = 0.85;

  /** One kill: after {@code progress} steps and then {@code pauseMillis}. */
  record Kill(long progress, long pauseMillis) {}

  /** The reference run's progress at one moment, {@code millis} after its start. */
  record Sample(long millis, long progress) {}

  KillPlan {
    kills = List.copyOf(kills);
  }

  /** {@code count} kills over the reference run whose progress {@code timeline} recorded. */
  static KillPlan draw(long seed, int count, List<Sample> timeline) {
    Random random = new Random(seed);
    long end = timeline.isEmpty() ? 1 : Math.max(1, timeline.getLast().millis());
    List<Kill> kills = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long moment = random.nextLong((long) (end * SHARE) + 1);
      Sample reached = new Sample(0, 0);
      for (Sample sample : timeline) {
        if (sample.millis() > moment) {
          break;
        }
        if (sample.progress() > reached.progress()) {
          reached = sample;
        }
      }
      kills.add(new Kill(reached.progress(), moment - reached.millis()));
    }
    kills.sort(Comparator.comparingLong(Kill::progress).thenComparingLong(Kill::pauseMillis));
    return new KillPlan(kills);
  }
}
