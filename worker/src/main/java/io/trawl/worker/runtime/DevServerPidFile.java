package io.trawl.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which Temporal dev server runs on a database file and which JVM owns it, so that a
 * server orphaned by a killed JVM is stopped before the next start.
 *
 * <p>The CLI is our child process, but nothing stops it when the JVM is SIGKILLed: it keeps the
 * ports and the SQLite file, and the next {@code ./trawl dev} would fail on a busy port or, worse,
 * share the file with it. The file is one line: server pid, owner pid, owner start time (epoch ms);
 * the start time tells the owner apart from a later process that reused its pid.
 */
final class DevServerPidFile {
  private static final Logger log = LoggerFactory.getLogger(DevServerPidFile.class);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Path file;

  DevServerPidFile(Path file) {
    this.file = file;
  }

  private record Entry(long serverPid, long ownerPid, Instant ownerStart) {}

  /**
   * Stops the server the file names when its owner is gone, and forgets it.
   *
   * @throws IllegalStateException when the owner still runs: the server is in use
   */
  void clearLeftover() {
    Optional<Entry> entry = read();
    if (entry.isEmpty()) {
      deleteQuietly();
      return;
    }
    long serverPid = entry.get().serverPid();
    Optional<ProcessHandle> server = OsProcesses.live(serverPid).filter(this::isTemporal);
    if (server.isPresent()) {
      Optional<ProcessHandle> owner =
          OsProcesses.liveStartedAt(entry.get().ownerPid(), entry.get().ownerStart());
      if (owner.isPresent()) {
        throw new IllegalStateException(
            "a Temporal dev server (pid "
                + serverPid
                + ") already runs on this database for process "
                + entry.get().ownerPid()
                + "; stop that process or use another TRAWL_HOME");
      }
      log.warn(
          "stopping Temporal dev server pid={} left running by process {}, which was killed",
          serverPid,
          entry.get().ownerPid());
      OsProcesses.stop(server.get(), GRACE);
    }
    deleteQuietly();
  }

  /** Records {@code server} as run by this JVM. */
  void write(ProcessHandle server) {
    String line =
        server.pid()
            + " "
            + ProcessHandle.current().pid()
            + " "
            + OsProcesses.currentStart().toEpochMilli()
            + "\n";
    try {
      Files.writeString(file, line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  void deleteQuietly() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot remove {}: {}", file, e.toString());
    }
  }

  private Optional<Entry> read() {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String[] fields = Files.readString(file).trim().split("\\s+");
      return Optional.of(
          new Entry(
              Long.parseLong(fields[0]),
              Long.parseLong(fields[1]),
              Instant.ofEpochMilli(Long.parseLong(fields[2]))));
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  private boolean isTemporal(ProcessHandle process) {
    String command = OsProcesses.describe(process);
    return command.contains("temporal") && command.contains("start-dev");
  }
}
