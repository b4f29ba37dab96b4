package io.trawl.starter.chaos;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Fault-injection runs that prove a pipeline survives what kills a script. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    header = "Inject faults into real pipeline runs and compare them with undisturbed runs.",
    subcommands = {CrashCommand.class, CommandLine.HelpCommand.class})
public final class ChaosCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
