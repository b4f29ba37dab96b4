package io.trawl.starter.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jobs pipeline: Bright Data LinkedIn job scrapes into jobs, companies and locations. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    header = "Scrape LinkedIn jobs through Bright Data and keep them deduplicated.",
    subcommands = {
      ScrapeCommand.class,
      RunsCommand.class,
      LifecycleCommand.class,
      InactiveCommand.class,
      CommandLine.HelpCommand.class
    })
public final class JobsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
