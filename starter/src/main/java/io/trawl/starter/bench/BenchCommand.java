package io.trawl.starter.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks of trawl's hot paths, measured on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measure trawl's hot paths on this machine against a plain baseline.",
    subcommands = {
      DownloadBenchCommand.class,
      ColdStartBenchCommand.class,
      IngestBenchCommand.class,
      CostBenchCommand.class,
      WorkflowsBenchCommand.class,
      MarketBenchCommand.class,
      PharmacyBenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
