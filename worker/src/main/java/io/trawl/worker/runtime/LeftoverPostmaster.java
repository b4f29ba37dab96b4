package io.trawl.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed JVM leaves in a PostgreSQL data directory before the next start.
 *
 * <p>zonky's {@code EmbeddedPostgres} stops its server from a shutdown hook, which never runs when
 * the JVM is SIGKILLed: the postmaster keeps running and keeps {@code postmaster.pid}. The next
 * start then logs {@code lock file "postmaster.pid" already exists} and, when the port matches,
 * silently talks to the leftover server (which runs with the old settings and nobody will stop). So
 * before starting: a live postgres serving this directory is stopped cleanly, and a pid file naming
 * a dead process (or an unrelated one that reused the pid) is removed.
 *
 * <p>Callers must first make sure no live process of ours owns the directory ({@link
 * DataDirectoryLock}); this class assumes whatever it finds is abandoned.
 */
final class LeftoverPostmaster {
  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
  static final String PID_FILE = "postmaster.pid";

  private LeftoverPostmaster() {}

  /** What {@code postmaster.pid} says: its first lines are the pid and the data directory. */
  record PidFile(long pid, Path dataDirectory) {
    static Optional<PidFile> read(Path file) {
      try {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2) {
          return Optional.empty();
        }
        return Optional.of(
            new PidFile(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /**
   * Stops or forgets the postgres named by {@code dataDirectory/postmaster.pid}, if any.
   *
   * @param grace how long the leftover server gets to shut down after SIGTERM
   */
  static void clear(Path dataDirectory, Duration grace) {
    Path pidFile = dataDirectory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<PidFile> recorded = PidFile.read(pidFile);
    Optional<ProcessHandle> process =
        recorded.flatMap(r -> OsProcesses.live(r.pid())).filter(p -> isPostgres(p));
    if (process.isPresent() && servesDirectory(recorded.get(), process.get(), dataDirectory)) {
      stopLeftover(process.get(), dataDirectory, grace);
    } else {
      log.info(
          "removing stale {} pid={} data_dir={} (no postgres runs with that pid)",
          PID_FILE,
          recorded.map(PidFile::pid).orElse(-1L),
          dataDirectory);
    }
    // After a clean shutdown postgres removes the file itself; after SIGKILL it cannot.
    deleteIfExists(pidFile);
  }

  private static void stopLeftover(ProcessHandle process, Path dataDirectory, Duration grace) {
    log.warn(
        "stopping postgres pid={} left running by an earlier process that was killed; data_dir={}",
        process.pid(),
        dataDirectory);
    // ProcessHandle.destroy sends SIGTERM, postgres's "smart" shutdown; its clients died with the
    // killed JVM, so it does not wait for anyone and stops in well under a second.
    long started = System.nanoTime();
    boolean clean = OsProcesses.stop(process, grace);
    if (clean) {
      log.info(
          "leftover postgres pid={} stopped in {} ms",
          process.pid(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
    } else {
      log.warn(
          "postgres pid={} ignored SIGTERM for {} s and was killed; it will run crash recovery",
          process.pid(),
          grace.toSeconds());
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
        || OsProcesses.describe(process).contains("postgres");
  }

  private static boolean servesDirectory(PidFile recorded, ProcessHandle process, Path dataDir) {
    return sameDirectory(recorded.dataDirectory(), dataDir)
        || OsProcesses.describe(process).contains(dataDir.toString());
  }

  private static boolean sameDirectory(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove stale " + file, e);
    }
  }
}
