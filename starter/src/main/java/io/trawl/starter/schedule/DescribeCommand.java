package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.worker.schedule.RecentAction;
import io.trawl.worker.schedule.ScheduleDetails;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule describe}: settings, next action times, recent actions, counters. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    header = "Show a schedule: its next 5 action times, recent actions and counters.",
    description = {"Example: trawl schedule describe jobs-lifecycle"})
public final class DescribeCommand extends ScheduleSubcommand {
  private static final int NEXT_SHOWN = 5;

  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    ScheduleDetails details = connection.schedules().describe(name);
    if (json) {
      out.println(Json.write(details));
      return ExitCodes.OK;
    }
    out.println("Schedule " + details.name() + (details.trawls() ? "" : " (not created by trawl)"));
    out.println(
        "  Workflow: "
            + details.workflow()
            + " on task queue "
            + details.taskQueue()
            + ", workflow id "
            + details.workflowId()
            + "-<action time>");
    out.println("  Spec: " + details.spec() + " (times below in " + details.zone().getId() + ")");
    out.println(
        "  Policy: overlap "
            + details.overlap()
            + ", catch-up window "
            + shortDuration(details.catchupWindow()));
    out.println(
        "  State: "
            + (details.paused() ? "paused" : "active")
            + (details.note() == null || details.note().isBlank()
                ? ""
                : " (" + details.note() + ")"));
    out.println(
        "  Actions: "
            + details.actions()
            + " taken, "
            + details.skippedOverlap()
            + " skipped while a run was going, "
            + details.missedCatchup()
            + " missed the catch-up window");
    out.println("  Next runs:");
    details.nextRuns().stream()
        .limit(NEXT_SHOWN)
        .forEach(time -> out.println("    " + both(time, details)));
    if (details.nextRuns().isEmpty()) {
      out.println("    - (paused or finished)");
    }
    out.println("  Recent runs:");
    for (RecentAction action : details.recentActions()) {
      out.println(
          "    "
              + ScheduleTimes.format(action.startedAt(), details.zone())
              + "  "
              + action.workflowId()
              + "  "
              + action.result());
    }
    if (details.recentActions().isEmpty()) {
      out.println("    - (none yet)");
    }
    if (!details.running().isEmpty()) {
      out.println("  Running: " + String.join(", ", details.running()));
    }
    connection.scheduleLink(details.name()).ifPresent(link -> out.println("  Web UI: " + link));
    return ExitCodes.OK;
  }

  /** {@code PT1H} as {@code 1h}, the way trawl.yaml writes it. */
  private static String shortDuration(java.time.Duration duration) {
    return duration == null
        ? "-"
        : duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  /** Local time with the instant beside it, so a daylight saving change is visible. */
  private static String both(Instant time, ScheduleDetails details) {
    return ScheduleTimes.format(time, details.zone()) + "  (" + time + ")";
  }
}
