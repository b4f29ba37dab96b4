package io.trawl.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The directory where trawl keeps local state: the embedded PostgreSQL data, the dev server's
 * SQLite file, installed tools, the dev lock and logs.
 *
 * <p>Taken from {@code TRAWL_HOME}; without it, {@code .trawl} under the current working directory.
 * A relative {@code TRAWL_HOME} is resolved against the working directory too, so every path handed
 * to a child process (postgres, the Temporal CLI) is absolute.
 */
public record TrawlHome(Path root) {
  public static final String ENV = "TRAWL_HOME";

  public TrawlHome {
    root = root.toAbsolutePath().normalize();
  }

  /** {@code TRAWL_HOME} from {@code env}, else {@code .trawl} under the working directory. */
  public static TrawlHome fromEnvironment(Map<String, String> env) {
    String configured = env.get(ENV);
    Path cwd = Path.of("").toAbsolutePath();
    if (configured == null || configured.isBlank()) {
      return new TrawlHome(cwd.resolve(".trawl"));
    }
    return new TrawlHome(cwd.resolve(configured.trim()));
  }

  /** A home at an explicit directory (tests, {@code --home}). */
  public static TrawlHome at(Path root) {
    return new TrawlHome(root);
  }

  /** The embedded PostgreSQL data directory. */
  public Path postgresData() {
    return root.resolve("postgres");
  }

  /** The Temporal dev server's SQLite file. */
  public Path temporalDb() {
    return root.resolve("temporal").resolve("temporal.db");
  }

  /** Where the dev server records its pid and owner, to clean up after a killed JVM. */
  public Path temporalPidFile() {
    return root.resolve("temporal").resolve("server.pid");
  }

  /** Tools trawl installs on first use. */
  public Path tools() {
    return root.resolve("tools");
  }

  /** The virtualenv that carries the pinned Temporal CLI. */
  public Path temporalCliVenv() {
    return tools().resolve("temporal-cli");
  }

  /** Written by {@code ./trawl dev} while it runs; see {@link DevLock}. */
  public Path devLock() {
    return root.resolve("dev.lock");
  }

  /** Written by {@code ./trawl dev} while it starts, before the lock; see {@link DevStarting}. */
  public Path devStarting() {
    return root.resolve("dev.starting");
  }

  /** Logs of the child processes (postgres, the Temporal dev server). */
  public Path logs() {
    return root.resolve("logs");
  }

  /** Creates {@code dir} (and parents) or fails naming it. */
  static Path ensureDirectory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir, e);
    }
  }
}
