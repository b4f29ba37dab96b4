package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.UsageException;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.schedule.ScheduleDefinition;
import io.trawl.worker.schedule.ScheduleDefinitions;
import io.trawl.worker.schedule.ScheduleDetails;
import io.trawl.worker.schedule.ScheduledWorkflowKinds;
import io.trawl.worker.schedule.TrawlSchedules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule create}: one Temporal Schedule from command-line options. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    header = "Create a Temporal Schedule that starts a trawl workflow.",
    description = {
      "Overlap policy skip (a run still going means the next is skipped), catch-up window 1h by",
      "default, one workflow id per action. Workflow arguments are KEY=VALUE pairs.",
      "",
      "Examples:",
      "  trawl schedule create nightly-lifecycle --workflow jobs-lifecycle --cron \"0 2 * * *\" \\",
      "      --tz Europe/Amsterdam threshold_days=14",
      "  trawl schedule create de-nl --workflow jobs-scrape --every 6h --jitter 5m \\",
      "      query=\"Data Engineer\" location=Netherlands"
    },
    footer = {"%nEach workflow's arguments: trawl schedule workflows"})
public final class CreateCommand extends ScheduleSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name (its id).")
  String name;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "KEY=VALUE",
      description = "Workflow arguments, e.g. query=\"Data Engineer\".")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--workflow",
      required = true,
      paramLabel = "KIND",
      completionCandidates = WorkflowKindNames.class,
      description = "What to start: ${COMPLETION-CANDIDATES}.")
  String workflow;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description = "Fixed interval: 2s, 10m, 6h, 1d.")
  String every;

  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      description = "Cron: \"0 2 * * *\" (read in --tz).")
  String cron;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description = "Time zone of the cron, e.g. Europe/Amsterdam (default UTC).")
  String tz;

  @Option(
      names = "--jitter",
      paramLabel = "DURATION",
      description = "Random delay of up to this much per run.")
  String jitter;

  @Option(
      names = "--catchup-window",
      paramLabel = "DURATION",
      description = "How late a missed run may still start (default 1h).")
  String catchupWindow;

  @Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description =
          "Start runs on this task queue, for workers started with ./trawl worker --task-queue"
              + " QUEUE (default: the workflow's own queue).")
  String taskQueue;

  private ScheduleDefinition definition;

  @Override
  void validate() {
    TrawlConfig config = common.loadConfig();
    ScheduleEntry entry =
        new ScheduleEntry(
            ScheduleDefinitions.COMMAND_LINE,
            name,
            workflow,
            every,
            cron,
            tz,
            jitter,
            catchupWindow,
            keyValues(args),
            taskQueue);
    definition =
        ScheduleDefinitions.define(
            "schedule create", entry, ScheduledWorkflowKinds.standard(), config);
  }

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    TrawlSchedules schedules = connection.schedules();
    schedules.create(definition, "created with ./trawl schedule create");
    ScheduleDetails created = schedules.describe(definition.name());
    out.println(
        "created schedule "
            + definition.name()
            + ": "
            + definition.specText()
            + " -> "
            + definition.kind().name()
            + (definition.args().isEmpty() ? "" : " " + definition.args()));
    out.println(
        "next run: "
            + (created.nextRuns().isEmpty()
                ? "-"
                : ScheduleTimes.format(created.nextRuns().get(0), created.zone())));
    connection.scheduleLink(definition.name()).ifPresent(link -> out.println("Web UI: " + link));
    // apply owns every trawl schedule; say so before a surprise deletion.
    out.println(
        "note: ./trawl schedule apply deletes trawl schedules not declared in trawl.yaml;"
            + " declare it there to keep it");
    return ExitCodes.OK;
  }

  private static Map<String, String> keyValues(List<String> pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(
            "workflow argument \"" + pair + "\" is not KEY=VALUE, e.g. query=\"Data Engineer\"");
      }
      String key = pair.substring(0, equals).strip();
      if (values.put(key, pair.substring(equals + 1)) != null) {
        throw new UsageException("workflow argument " + key + " is given twice");
      }
    }
    return values;
  }
}
