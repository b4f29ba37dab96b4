package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.schedule.TriggerOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule trigger}: the original's "force collection", through the schedule. */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    header = "Start a schedule's workflow now (the overlap policy still applies).",
    description = {
      "Exit code 1 when no run started because the previous one is still going.",
      "",
      "Example: trawl schedule trigger jobs-lifecycle"
    })
public final class TriggerCommand extends ScheduleSubcommand {
  /** How long to wait for the server to report the started run. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    TriggerOutcome outcome = connection.schedules().trigger(name, WAIT);
    out.println(name + ": " + outcome.message());
    if (outcome.started() && outcome.workflowId() != null) {
      out.println("status: ./trawl status " + outcome.workflowId());
    }
    return outcome.started() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
