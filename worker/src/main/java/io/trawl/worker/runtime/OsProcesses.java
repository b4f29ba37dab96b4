package io.trawl.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Questions and actions about operating-system processes known only by pid. */
final class OsProcesses {
  private static final Duration POLL = Duration.ofMillis(20);

  private OsProcesses() {}

  /** The live process with {@code pid}, if there is one. */
  static Optional<ProcessHandle> live(long pid) {
    if (pid <= 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(OsProcesses::isRunning);
  }

  /**
   * True while the process exists and has not exited.
   *
   * <p>{@link ProcessHandle#isAlive()} is also true for a zombie: an exited process whose parent
   * has not collected it yet. Processes orphaned by a killed JVM are re-parented to pid 1, and in a
   * container pid 1 may collect them late (a stopped postgres stayed a zombie for 1.5 s here).
   */
  static boolean isRunning(ProcessHandle handle) {
    return handle.isAlive() && !isZombie(handle.pid());
  }

  private static boolean isZombie(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String line = Files.readString(stat);
      // Format: "pid (comm) state ...", and comm may itself contain spaces or parentheses.
      int end = line.lastIndexOf(')');
      return end > 0 && end + 2 < line.length() && line.charAt(end + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The live process with {@code pid}, unless it started after {@code recordedAt}.
   *
   * <p>A pid written to a file is reused by the OS once its process dies; a process that started
   * after the file was written cannot be the one the file names.
   */
  static Optional<ProcessHandle> liveSince(long pid, Instant recordedAt) {
    return live(pid)
        .filter(
            handle ->
                handle
                    .info()
                    .startInstant()
                    // Start times are rounded to clock ticks, hence the slack.
                    .map(start -> !start.isAfter(recordedAt.plusSeconds(1)))
                    .orElse(true));
  }

  /**
   * The live process with {@code pid} that started at {@code startedAt}; empty when it has exited
   * and its pid now belongs to another process, or to none.
   */
  static Optional<ProcessHandle> liveStartedAt(long pid, Instant startedAt) {
    return live(pid)
        .filter(
            handle ->
                handle
                    .info()
                    .startInstant()
                    .map(start -> Duration.between(start, startedAt).abs().toSeconds() < 2)
                    .orElse(true));
  }

  /** When this JVM started, as the OS reports it (comparable with {@link #liveStartedAt}). */
  static Instant currentStart() {
    return ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
  }

  /** The executable and arguments of a process, as far as the OS lets us see them. */
  static String describe(ProcessHandle handle) {
    ProcessHandle.Info info = handle.info();
    return info.commandLine().or(info::command).orElse("<unknown command>");
  }

  /**
   * Stops a process and its descendants: SIGTERM first so it can shut down cleanly, SIGKILL when it
   * has not exited after {@code grace}.
   *
   * @return true when it exited within the grace period, false when it had to be killed
   */
  static boolean stop(ProcessHandle handle, Duration grace) {
    var descendants = handle.descendants().toList();
    handle.destroy();
    boolean clean = awaitExit(handle, grace);
    if (!clean) {
      handle.destroyForcibly();
      awaitExit(handle, Duration.ofSeconds(5));
    }
    for (ProcessHandle child : descendants) {
      if (isRunning(child)) {
        child.destroyForcibly();
      }
    }
    return clean;
  }

  /**
   * Waits until {@code handle} has exited.
   *
   * <p>Polls {@link #isRunning} rather than waiting on {@link ProcessHandle#onExit()}, which counts
   * a zombie as alive and, for a process that is not our child, polls with a back-off of seconds.
   */
  static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(handle)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isRunning(handle);
      }
    }
    return true;
  }
}
