package io.trawl.worker.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;

/**
 * A JSON file under {@code TRAWL_HOME} that speaks for a live process ({@link DevLock}, {@link
 * DevStarting}): written whole by an atomic rename, counted only while the process that wrote it
 * lives, removed only by that process.
 */
final class LiveProcessFile<T> {
  private final ObjectMapper json;
  private final Class<T> type;
  private final ToLongFunction<T> pidOf;
  private final Function<T, Instant> startedAtOf;
  private final Logger log;

  LiveProcessFile(
      ObjectMapper json,
      Class<T> type,
      ToLongFunction<T> pidOf,
      Function<T, Instant> startedAtOf,
      Logger log) {
    this.json = json;
    this.type = type;
    this.pidOf = pidOf;
    this.startedAtOf = startedAtOf;
    this.log = log;
  }

  /**
   * The file's value while its process lives; a stale or unreadable file is removed. An unreadable
   * file counts as stale: it is written whole, so only a person or another program can have broken
   * it.
   */
  Optional<T> readLive(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    T value;
    try {
      value = json.readValue(file.toFile(), type);
    } catch (IOException e) {
      // Gone between the check and the read: its owner removed it.
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      log.warn("removing unreadable {}: {}", file, e.getMessage());
      deleteIfExists(file);
      return Optional.empty();
    }
    long pid = pidOf.applyAsLong(value);
    if (OsProcesses.liveSince(pid, startedAtOf.apply(value)).isEmpty()) {
      log.info("removing stale {} of process {}, which is no longer running", file, pid);
      deleteIfExists(file);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Writes {@code value} beside the file and renames it over, so a reader never sees half. */
  void write(Path file, T value) {
    TrawlHome.ensureDirectory(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + pidOf.applyAsLong(value));
    try {
      json.writeValue(temp.toFile(), value);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteIfExists(temp);
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Removes the file if {@code pid} still owns it; a newer owner's file is left alone. */
  void remove(Path file, long pid) {
    try {
      if (Files.exists(file) && pidOf.applyAsLong(json.readValue(file.toFile(), type)) == pid) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.warn("cannot remove {}: {}", file, e.getMessage());
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
