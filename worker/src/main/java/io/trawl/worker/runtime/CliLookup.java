package io.trawl.worker.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of looking for the Temporal CLI: the binary, or why there is none.
 *
 * @param binary the executable, when one was found or installed
 * @param detail where it came from ("TRAWL_TEMPORAL_CLI", "PATH", "installed into …"), or the
 *     reason it cannot be had ("python3 not found on PATH …")
 */
public record CliLookup(Optional<Path> binary, String detail) {
  public CliLookup {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(detail, "detail");
  }

  static CliLookup found(Path binary, String source) {
    return new CliLookup(Optional.of(binary), source);
  }

  static CliLookup missing(String reason) {
    return new CliLookup(Optional.empty(), reason);
  }

  /**
   * The binary.
   *
   * @throws IllegalStateException with the reason and what to do, when there is none
   */
  public Path require() {
    return binary.orElseThrow(
        () ->
            new IllegalStateException(
                "the Temporal CLI is not available: "
                    + detail
                    + ". Put `temporal` on PATH, set "
                    + TemporalCli.CLI_ENV
                    + " to its path, or run scripts/install-temporal-cli.sh"));
  }
}
