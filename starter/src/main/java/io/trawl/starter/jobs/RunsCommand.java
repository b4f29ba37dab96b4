package io.trawl.starter.jobs;

import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl jobs runs}: the run history from scrape_runs, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    header = "List past scrape runs with their status, date range and counts.",
    description = {"Example: trawl jobs runs --limit 10"})
public final class RunsCommand implements Callable<Integer> {
  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows to show (default 20).",
      converter = NumberRanges.PositiveInt.class)
  int limit;

  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<ScrapeRunRow> rows = new ScrapeRunRepository(runtime.dataSource()).recent(limit);
      if (json) {
        out.println(Json.write(rows));
      } else {
        printTable(out, rows);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void printTable(PrintWriter out, List<ScrapeRunRow> rows) {
    if (rows.isEmpty()) {
      out.println(
          "No scrape runs yet. Start one: ./trawl jobs scrape \"Data Engineer\" --location"
              + " Netherlands");
      return;
    }
    String format = "%-5s %-22s %-14s %-9s %-13s %6s %5s %7s %7s %8s  %-19s%n";
    out.printf(
        format,
        "ID",
        "QUERY",
        "LOCATION",
        "STATUS",
        "RANGE",
        "FOUND",
        "NEW",
        "UPDATED",
        "INVALID",
        "DURATION",
        "STARTED");
    for (ScrapeRunRow row : rows) {
      out.printf(
          format,
          row.id(),
          clip(row.query(), 22),
          clip(row.location(), 14),
          row.status(),
          row.dateRange() == null ? "-" : row.dateRange(),
          row.jobsFound(),
          row.jobsNew(),
          row.jobsUpdated(),
          row.jobsInvalid(),
          row.durationSeconds() == null
              ? "-"
              : String.format(Locale.ROOT, "%.1fs", row.durationSeconds()),
          STARTED.format(row.startedAt()));
      if (row.error() != null) {
        out.println("      error: " + row.error());
      }
      if ("skipped".equals(row.status())) {
        out.println("      skipped: " + skipReason(row.metadata()));
      }
    }
  }

  /** The interval guard's reason, kept in the row's metadata. */
  private static String skipReason(String metadata) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(metadata)
          .path("skip_reason")
          .asText("-");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "-";
    }
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
