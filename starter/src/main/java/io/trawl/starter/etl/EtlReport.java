package io.trawl.starter.etl;

import io.trawl.starter.Json;
import io.trawl.worker.config.ByteSize;
import io.trawl.workflows.etl.EtlBatchResult;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSourceResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a batch's outcome: one row per source and a totals line, or JSON. */
final class EtlReport {
  private static final String ROW = "%-18s %-15s %-9s %10s %9s  %s%n";

  private EtlReport() {}

  static void print(PrintWriter out, EtlBatchResult batch, boolean json) {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      batch.results().forEach(result -> rows.add(row(result)));
      out.println(Json.write(rows));
      out.flush();
      return;
    }
    out.printf(ROW, "SOURCE", "RESULT", "DECISION", "BYTES", "DURATION", "REASON");
    Map<EtlOutcome, Integer> counts = new EnumMap<>(EtlOutcome.class);
    for (EtlSourceResult result : batch.results()) {
      counts.merge(result.outcome(), 1, Integer::sum);
      out.printf(
          ROW,
          clip(result.sourceId(), 18),
          result.outcome().label(),
          result.decision() == null ? "-" : result.decision(),
          ByteSize.format(result.bytes()),
          seconds(result.durationMillis()),
          result.reason() == null ? "-" : result.reason());
      if (result.outcome() == EtlOutcome.QUARANTINED) {
        out.println("    quarantined: " + result.error());
        out.println("    moved to " + result.path() + " (old file and manifest record kept)");
      } else if (result.outcome() == EtlOutcome.FAILED
          && result.reason() != null
          && !result.reason().equals(result.error())) {
        out.println("    error: " + result.error());
      }
    }
    List<String> totals = new ArrayList<>();
    counts.forEach((outcome, count) -> totals.add(count + " " + outcome.label()));
    out.println(batch.results().size() + " sources: " + String.join(", ", totals));
    out.flush();
  }

  /**
   * "downloaded 25.3 KiB in 0.4s: no manifest record yet", for progress lines. A problem's reason
   * is left to the summary below it, so the terminal names each problem once.
   */
  static String oneLine(EtlSourceResult result) {
    String line =
        result.outcome().label()
            + " "
            + ByteSize.format(result.bytes())
            + " in "
            + seconds(result.durationMillis());
    if (result.outcome().problem()) {
      return line + " (reason in the summary)";
    }
    return result.reason() == null ? line : line + ": " + result.reason();
  }

  private static Map<String, Object> row(EtlSourceResult result) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source", result.sourceId());
    row.put("result", result.outcome().label());
    row.put("decision", result.decision());
    row.put("reason", result.reason());
    row.put("bytes", result.bytes());
    row.put("duration_ms", result.durationMillis());
    row.put("path", result.path());
    row.put("sha256", result.sha256());
    row.put("error", result.error());
    row.put("workflow_id", result.workflowId());
    return row;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
