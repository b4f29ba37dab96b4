package io.trawl.starter.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One timed launch: seconds per phase, from the marks the child wrote (see {@code StartupPhases})
 * between the moment it was spawned and the moment it exited.
 *
 * @param phases seconds per phase, in order; a phase whose mark is missing is left out
 * @param total seconds from spawn to exit
 */
record ColdStartRun(Map<String, Double> phases, double total) {
  /** Phase names and the mark that ends each; a phase starts at the previous mark present. */
  static final List<Map.Entry<String, String>> PHASES =
      List.of(
          Map.entry("launcher script", "jvm"),
          Map.entry("jvm start to main", "main"),
          Map.entry("cli and config", "runtime"),
          Map.entry("postgres start", "postgres"),
          Map.entry("migrations", "migrations"),
          Map.entry("sandboxes", "sandboxes"),
          Map.entry("temporal test server", "engine"),
          Map.entry("worker start", "worker"),
          Map.entry("workflow start", "started"),
          Map.entry("run (first poll included)", "completed"),
          Map.entry("summary", "summary"),
          Map.entry("exit (shutdown)", "end"));

  static ColdStartRun of(long spawnedMillis, List<String> markLines, long endedMillis) {
    Map<String, Long> marks = new LinkedHashMap<>();
    for (String line : markLines) {
      String[] parts = line.split(" ");
      if (parts.length == 2) {
        marks.putIfAbsent(parts[0], Long.parseLong(parts[1]));
      }
    }
    marks.put("end", endedMillis);
    Map<String, Double> phases = new LinkedHashMap<>();
    long previous = spawnedMillis;
    for (Map.Entry<String, String> phase : PHASES) {
      Long at = marks.get(phase.getValue());
      if (at != null) {
        phases.put(phase.getKey(), Math.max(0, at - previous) / 1000.0);
        previous = at;
      }
    }
    return new ColdStartRun(phases, (endedMillis - spawnedMillis) / 1000.0);
  }
}
