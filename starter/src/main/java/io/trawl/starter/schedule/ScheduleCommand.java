package io.trawl.starter.schedule;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trawl schedule}: every recurring job as a real Temporal Schedule. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    header = "Run recurring work as Temporal Schedules (visible and pausable in the Web UI).",
    description = {
      "Needs a Temporal server that keeps schedules: a running ./trawl dev or TEMPORAL_ADDRESS.",
      "The declared schedules live in trawl.yaml under `schedules:`; `apply` puts them on the"
          + " server."
    },
    subcommands = {
      ApplyCommand.class,
      ListCommand.class,
      DescribeCommand.class,
      CreateCommand.class,
      TriggerCommand.class,
      PauseCommand.class,
      UnpauseCommand.class,
      DeleteCommand.class,
      BackfillCommand.class,
      WorkflowsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ScheduleCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
