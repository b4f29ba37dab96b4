package io.trawl.starter.runs;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The human-readable listing: one line per run, its Web UI link indented below. */
final class RunTable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final String FORMAT = "%-17s  %-8s  %-11s  %-32s  %s%n";

  private RunTable() {}

  static void print(PrintWriter out, List<RunRow> rows) {
    if (rows.isEmpty()) {
      out.println("No runs match.");
      return;
    }
    out.printf(FORMAT, "STARTED", "PIPELINE", "STATUS", "WHAT", "WORKFLOW ID");
    for (RunRow row : rows) {
      out.printf(
          FORMAT,
          row.startedAt() == null ? "" : TIME.format(row.startedAt()),
          row.pipeline(),
          row.status() == null ? row.temporalStatus() : row.status(),
          row.subject(),
          row.workflowId());
      if (row.link() != null) {
        out.println("  " + row.link());
      }
    }
  }
}
