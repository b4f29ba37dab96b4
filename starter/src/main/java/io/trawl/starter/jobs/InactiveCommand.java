package io.trawl.starter.jobs;

import io.trawl.activities.jobs.store.InactiveJobRow;
import io.trawl.activities.jobs.store.JobLifecycleRepository;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.jobs.lifecycle.InactiveSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl jobs inactive}: the original's inactive summary and the latest retired jobs. */
@Command(
    name = "inactive",
    mixinStandardHelpOptions = true,
    header = "Show how many jobs are inactive and which were retired last.",
    description = {"Example: trawl jobs inactive --limit 10"})
public final class InactiveCommand implements Callable<Integer> {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Retired jobs to list, newest first (default 20).",
      converter = NumberRanges.NonNegativeInt.class)
  int limit;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      JobLifecycleRepository jobs = new JobLifecycleRepository(runtime.dataSource());
      InactiveSummary summary = jobs.summarize(Instant.now());
      List<InactiveJobRow> rows = limit == 0 ? List.of() : jobs.recentlyInactive(limit);
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("total_active", summary.totalActive());
        document.put("total_inactive", summary.totalInactive());
        document.put("inactive_last_7_days", summary.inactiveLast7Days());
        document.put("jobs", rows);
        out.println(Json.write(document));
      } else {
        print(out, summary, rows);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void print(PrintWriter out, InactiveSummary summary, List<InactiveJobRow> rows) {
    out.println("Total active: " + summary.totalActive());
    out.println("Total inactive: " + summary.totalInactive());
    out.println("Last 7 days: " + summary.inactiveLast7Days());
    if (rows.isEmpty()) {
      out.println(
          "No inactive jobs. The lifecycle runs daily (./trawl schedule apply) or now:"
              + " ./trawl jobs lifecycle");
      return;
    }
    String format = "%-16s %-16s %-34s %-24s %s%n";
    out.printf(format, "INACTIVE SINCE", "LAST SEEN", "TITLE", "COMPANY", "SEARCH");
    for (InactiveJobRow row : rows) {
      out.printf(
          format,
          SHOWN.format(row.inactiveSince()),
          SHOWN.format(row.lastSeenAt()),
          clip(row.title(), 34),
          clip(row.company() == null ? "-" : row.company(), 24),
          row.lastQuery() + " in " + row.lastLocation());
    }
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
