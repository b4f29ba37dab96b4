package io.trawl.starter.chaos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the crash runs: a table per pipeline, the differences, and the one-line verdict. */
final class CrashReport {
  private final List<PipelineResult> results;
  private final long seed;

  CrashReport(List<PipelineResult> results, long seed) {
    this.results = List.copyOf(results);
    this.seed = seed;
  }

  boolean clean() {
    return results.stream().allMatch(result -> result.differences().isEmpty());
  }

  /** e.g. "80 kills survived, 0 lost, 0 duplicates, 0 double charges". */
  String verdict() {
    return results.stream().mapToInt(PipelineResult::killsSurvived).sum()
        + " kills survived, "
        + results.stream().mapToLong(PipelineResult::lost).sum()
        + " lost, "
        + results.stream().mapToLong(PipelineResult::duplicates).sum()
        + " duplicates, "
        + results.stream().mapToLong(PipelineResult::doubleCharges).sum()
        + " double charges"
        + inFlight();
  }

  /** "; 7 paid calls were in flight at a kill and made again", or nothing when there were none. */
  private String inFlight() {
    long calls = results.stream().mapToLong(PipelineResult::inFlight).sum();
    return calls == 0
        ? ""
        : "; "
            + calls
            + " paid call"
            + (calls == 1 ? " was" : "s were")
            + " in flight at a kill and made again";
  }

  void printTables(PrintWriter out) {
    for (PipelineResult result : results) {
      out.printf(
          "%s: %d of %d kills landed%s%n",
          result.pipeline(), result.killsLanded(), result.killsPlanned(), landings(result));
      out.printf("  uninterrupted: %s%n", result.referenceRun());
      out.printf("  crashed:       %s%n", result.crashedRun());
      // The figure column is as wide as the longest name, so the numbers line up.
      int width = result.rows().stream().mapToInt(row -> row.name().length()).max().orElse(0);
      String line = "  %-" + Math.max(44, width) + "s %14s %14s";
      out.printf(line + "%n", "figure", "uninterrupted", "crashed");
      for (PipelineResult.Row row : result.rows()) {
        out.printf(
            line + "  %s%n",
            row.name(),
            row.reference() == null ? "-" : row.reference(),
            row.crashed() == null ? "-" : row.crashed(),
            row.difference() == null ? "ok" : "DIFFERS");
      }
      out.println();
    }
    for (PipelineResult result : results) {
      for (String difference : result.differences()) {
        out.println("difference: " + result.pipeline() + ": " + difference);
      }
    }
    out.println(verdict() + " (seed " + seed + ")");
  }

  private static String landings(PipelineResult result) {
    if (result.landings().isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<>(result.landings()).forEach((where, count) -> parts.add(where + " " + count));
    return ": " + String.join(", ", parts);
  }

  /** The same as JSON: per pipeline its runs, kills, rows and differences, then the totals. */
  Map<String, Object> json() {
    List<Map<String, Object>> pipelines = new ArrayList<>();
    for (PipelineResult result : results) {
      Map<String, Object> pipeline = new LinkedHashMap<>();
      pipeline.put("pipeline", result.pipeline());
      pipeline.put("completed", result.completed());
      pipeline.put("reference_run", result.referenceRun());
      pipeline.put("crashed_run", result.crashedRun());
      pipeline.put("kills_planned", result.killsPlanned());
      pipeline.put("kills_landed", result.killsLanded());
      pipeline.put("landings", new TreeMap<>(result.landings()));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PipelineResult.Row row : result.rows()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("figure", row.name());
        json.put("uninterrupted", row.reference());
        json.put("crashed", row.crashed());
        json.put("difference", row.difference());
        rows.add(json);
      }
      pipeline.put("figures", rows);
      pipeline.put("lost", result.lost());
      pipeline.put("duplicates", result.duplicates());
      pipeline.put("double_charges", result.doubleCharges());
      pipeline.put("in_flight_at_kill", result.inFlight());
      pipeline.put("differences", result.differences());
      pipelines.add(pipeline);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seed", seed);
    json.put("pipelines", pipelines);
    json.put("kills_survived", results.stream().mapToInt(PipelineResult::killsSurvived).sum());
    json.put("lost", results.stream().mapToLong(PipelineResult::lost).sum());
    json.put("duplicates", results.stream().mapToLong(PipelineResult::duplicates).sum());
    json.put("double_charges", results.stream().mapToLong(PipelineResult::doubleCharges).sum());
    json.put("in_flight_at_kill", results.stream().mapToLong(PipelineResult::inFlight).sum());
    json.put("verdict", verdict());
    return json;
  }
}
