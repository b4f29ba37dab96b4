package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.schedule.TrawlSchedules;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule backfill}: the runs a period missed, one after another. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    header = "Run the actions a schedule would have taken between two times, one after another.",
    description = {
      "Times without an offset are read in the schedule's zone. Scheduled scrapes still pass",
      "the interval guard, so a backfill of back-to-back scrapes runs the first and skips the"
          + " rest.",
      "",
      "Example: trawl schedule backfill jobs-lifecycle --from 2026-11-20 --to 2026-11-23"
    })
public final class BackfillCommand extends ScheduleSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description = "Start of the period.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the period.")
  String to;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    TrawlSchedules schedules = connection.schedules();
    ZoneId zone = schedules.zone(name);
    Instant start = ScheduleTimes.parse("--from", from, zone);
    Instant end = ScheduleTimes.parse("--to", to, zone);
    schedules.backfill(name, start, end);
    out.println(
        "backfilling "
            + name
            + " from "
            + ScheduleTimes.format(start, zone)
            + " to "
            + ScheduleTimes.format(end, zone)
            + "; see ./trawl schedule describe "
            + name);
    return ExitCodes.OK;
  }
}
