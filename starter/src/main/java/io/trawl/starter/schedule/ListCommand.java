package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.worker.schedule.RecentAction;
import io.trawl.worker.schedule.ScheduleRow;
import io.trawl.worker.schedule.TrawlSchedules;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trawl schedule list}: trawl's schedules with their next and last runs. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List trawl's schedules: spec, next run, last run and its result, paused.",
    description = {"Times are shown in each schedule's zone.", "", "Example: trawl schedule list"})
public final class ListCommand extends ScheduleSubcommand {
  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    TrawlSchedules schedules = connection.schedules();
    List<ScheduleRow> rows = schedules.list();
    if (json) {
      out.println(Json.write(rows));
      return ExitCodes.OK;
    }
    if (rows.isEmpty()) {
      out.println("No trawl schedules yet. Create the configured ones: ./trawl schedule apply");
    } else {
      printTable(out, rows);
    }
    int others = schedules.otherScheduleNames().size();
    if (others > 0) {
      out.println(others + " other schedule(s) on the server were not created by trawl.");
    }
    connection.scheduleLink(null).ifPresent(link -> out.println("Web UI: " + link));
    return ExitCodes.OK;
  }

  private static void printTable(PrintWriter out, List<ScheduleRow> rows) {
    String format = "%-38s %-15s %-38s %-24s %-24s %-20s %s%n";
    out.printf(format, "NAME", "WORKFLOW", "SPEC", "NEXT RUN", "LAST RUN", "RESULT", "PAUSED");
    for (ScheduleRow row : rows) {
      RecentAction last = row.lastRun();
      out.printf(
          format,
          row.name(),
          row.workflow(),
          row.spec(),
          row.paused() ? "-" : ScheduleTimes.format(row.nextRun(), row.zone()),
          last == null ? "-" : ScheduleTimes.format(last.startedAt(), row.zone()),
          last == null ? "-" : last.result(),
          row.paused()
              ? "yes" + (row.note() == null || row.note().isBlank() ? "" : " (" + row.note() + ")")
              : "no");
    }
  }
}
