package io.trawl.starter.etl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ETL pipeline: probe, freshness gate, download, validate, quarantine or manifest. */
@Command(
    name = "etl",
    mixinStandardHelpOptions = true,
    header = "Download the configured ETL sources when they changed, validated, with a manifest.",
    subcommands = {
      RunCommand.class,
      ManifestCommand.class,
      QuarantineCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EtlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
