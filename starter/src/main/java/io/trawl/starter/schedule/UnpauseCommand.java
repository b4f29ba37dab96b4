package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.schedule.ScheduleDetails;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule unpause}: runs start again at the next action time. */
@Command(
    name = "unpause",
    mixinStandardHelpOptions = true,
    header = "Unpause a schedule.",
    description = {"Example: trawl schedule unpause jobs-lifecycle"})
public final class UnpauseCommand extends ScheduleSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Option(names = "--note", paramLabel = "TEXT", description = "Replaces the pause note.")
  String note;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    connection.schedules().unpause(name, note);
    ScheduleDetails details = connection.schedules().describe(name);
    out.println(
        "unpaused "
            + name
            + "; next run "
            + (details.nextRuns().isEmpty()
                ? "-"
                : ScheduleTimes.format(details.nextRuns().get(0), details.zone())));
    return ExitCodes.OK;
  }
}
