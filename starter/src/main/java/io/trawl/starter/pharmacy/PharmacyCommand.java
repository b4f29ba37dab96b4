package io.trawl.starter.pharmacy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pharmacy pipeline: Apify collection, dedup, classification, Places verification. */
@Command(
    name = "pharmacy",
    mixinStandardHelpOptions = true,
    header = "Collect, classify and verify pharmacies from Google Maps (Apify + Places).",
    subcommands = {
      PharmacyRunCommand.class,
      PharmacyListCommand.class,
      PharmacyExportCommand.class,
      PharmacyRunsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PharmacyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
