package io.trawl.starter.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One target of a bench: a measured figure against the bound it must reach.
 *
 * @param name what is compared, e.g. "new rows vs raw COPY"
 * @param measured the figure this run measured
 * @param goal the bound
 * @param atMost true when the figure must stay at or below the goal, false for at or above
 */
record BenchTarget(String name, double measured, double goal, boolean atMost) {
  boolean met() {
    return atMost ? measured <= goal : measured >= goal;
  }

  /** How far the figure is from the goal: a percentage of it, or the difference from zero. */
  String shortfall() {
    double gap = Math.abs(measured - goal);
    return goal == 0
        ? String.format(Locale.ROOT, "%.3g", gap)
        : String.format(Locale.ROOT, "%.0f%%", 100 * gap / goal);
  }

  /** Each target as a JSON object: its name, the figure, the bound and whether it was met. */
  static List<Map<String, Object>> json(List<BenchTarget> targets) {
    List<Map<String, Object>> goals = new ArrayList<>();
    for (BenchTarget t : targets) {
      Map<String, Object> goal = new LinkedHashMap<>();
      goal.put("target", t.name());
      goal.put("measured", t.measured());
      goal.put(t.atMost() ? "at_most" : "at_least", t.goal());
      goal.put("met", t.met());
      goals.add(goal);
    }
    return goals;
  }

  /** {@code target met}, or {@code target missed: } with each missed target and by how much. */
  static String verdict(List<BenchTarget> targets) {
    List<String> missed =
        targets.stream()
            .filter(t -> !t.met())
            .map(
                t ->
                    String.format(
                        Locale.ROOT,
                        "%s %.3g %s %.3g (by %s)",
                        t.name(),
                        t.measured(),
                        t.atMost() ? ">" : "<",
                        t.goal(),
                        t.shortfall()))
            .toList();
    return missed.isEmpty() ? "target met" : "target missed: " + String.join("; ", missed);
  }
}
