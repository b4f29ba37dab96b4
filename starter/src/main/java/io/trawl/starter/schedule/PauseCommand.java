package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule pause}: no more runs until unpaused; the note shows in the Web UI. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    header = "Pause a schedule: it starts nothing until unpaused.",
    description = {
      "Example: trawl schedule pause jobs-lifecycle --note \"migrating the database\""
    })
public final class PauseCommand extends ScheduleSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description = "Why it is paused (shown in the Web UI).")
  String note;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    connection.schedules().pause(name, note);
    out.println("paused " + name + (note == null ? "" : " (" + note + ")"));
    return ExitCodes.OK;
  }
}
