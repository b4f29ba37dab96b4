package io.trawl.starter.cache;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The shared provider-answer cache ({@code api_cache}): pharmacy searches, market quotes. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    header = "Inspect or clear the cache of provider answers (pharmacy searches, quotes).",
    subcommands = {CacheListCommand.class, CacheClearCommand.class, CommandLine.HelpCommand.class})
public final class CacheCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
