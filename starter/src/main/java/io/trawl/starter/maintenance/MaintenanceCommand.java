package io.trawl.starter.maintenance;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Keeping the database bounded: retention of finished runs' detail. */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    header = "Keep the database bounded (prune old runs' detail).",
    subcommands = {MaintenancePruneCommand.class, CommandLine.HelpCommand.class})
public final class MaintenanceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
