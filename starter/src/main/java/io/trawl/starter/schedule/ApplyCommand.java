package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.schedule.ScheduleApplier;
import io.trawl.worker.schedule.ScheduleDefinition;
import io.trawl.worker.schedule.ScheduleDefinitions;
import io.trawl.worker.schedule.ScheduledWorkflowKinds;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trawl schedule apply}: the server's trawl schedules made equal to trawl.yaml's. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    header = "Make the server's trawl schedules equal to those declared in trawl.yaml.",
    description = {
      "Creates missing schedules, updates changed ones (keeping their paused state), deletes",
      "trawl schedules no longer declared, and never touches schedules trawl did not create.",
      "Running it twice changes nothing the second time.",
      "",
      "Examples:",
      "  trawl schedule apply --dry-run",
      "  trawl schedule apply --config prod/trawl.yaml"
    })
public final class ApplyCommand extends ScheduleSubcommand {
  @Option(names = "--dry-run", description = "Print what would change and change nothing.")
  boolean dryRun;

  private TrawlConfig config;
  private List<ScheduleDefinition> declared;

  @Override
  void validate() {
    config = common.loadConfig();
    declared = ScheduleDefinitions.fromConfig(config, ScheduledWorkflowKinds.standard());
  }

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    ScheduleApplier.Plan plan =
        new ScheduleApplier(connection.schedules())
            .apply(declared, dryRun, "created by ./trawl schedule apply from " + config.source());
    for (ScheduleApplier.Step step : plan.steps()) {
      out.printf("%-13s %-38s %s%n", step.change().describe(dryRun), step.name(), step.spec());
    }
    out.printf(
        "%s%d created, %d updated, %d deleted, %d unchanged (from %s)%n",
        dryRun ? "dry run, nothing changed: " : "",
        plan.count(ScheduleApplier.Change.CREATE),
        plan.count(ScheduleApplier.Change.UPDATE),
        plan.count(ScheduleApplier.Change.DELETE),
        plan.count(ScheduleApplier.Change.UNCHANGED),
        config.source());
    connection.scheduleLink(null).ifPresent(link -> out.println("Web UI: " + link));
    return ExitCodes.OK;
  }
}
