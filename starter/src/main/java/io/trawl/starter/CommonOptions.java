package io.trawl.starter;

import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  Path config;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "trawl.yaml to use (default: $TRAWL_CONFIG, else ./trawl.yaml, else built-in demo)")
  void config(Path file) {
    config = file;
    // A worker this command starts (embedded mode) reads the same file.
    CliEnvironment.useConfig(file);
  }

  @Option(names = "--verbose", description = "Log progress to the terminal and show stack traces.")
  boolean verbose;

  public TrawlConfig loadConfig() {
    return TrawlConfigLoader.resolve(config, CliEnvironment.get());
  }

  public boolean verbose() {
    return verbose;
  }
}
