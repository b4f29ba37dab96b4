package io.trawl.starter.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One timed launch: seconds per phase, from the marks the child wrote (see {@code StartupPhases})
 * between the moment it was spawned and the moment it exited. Some phases overlap (the sandboxes
 * and the Temporal server start while PostgreSQL starts), so each phase is the wall time from the
 * mark before it in time to its own: the phases add up to the total, and a phase hidden behind
 * another shows as the part of it that was not.
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
      boolean known = PHASES.stream().anyMatch(phase -> phase.getValue().equals(parts[0]));
      if (parts.length == 2 && known) {
        marks.putIfAbsent(parts[0], Long.parseLong(parts[1]));
      }
    }
    marks.put("end", endedMillis);
    Map<String, Long> sinceBefore = new HashMap<>();
    long previous = spawnedMillis;
    for (Map.Entry<String, Long> mark :
        marks.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
      sinceBefore.put(mark.getKey(), Math.max(0, mark.getValue() - previous));
      previous = Math.max(previous, mark.getValue());
    }
    Map<String, Double> phases = new LinkedHashMap<>();
    for (Map.Entry<String, String> phase : PHASES) {
      Long millis = sinceBefore.get(phase.getValue());
      if (millis != null) {
        phases.put(phase.getKey(), millis / 1000.0);
      }
    }
    return new ColdStartRun(phases, (endedMillis - spawnedMillis) / 1000.0);
  }
}
