package io.trawl.worker.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marker {@code TRAWL_HOME/dev.starting}: a {@code ./trawl dev} is starting and will soon hold
 * the embedded PostgreSQL data directory and write its {@link DevLock}.
 *
 * <p>Written before the stack takes the data directory and removed once {@code dev.lock} is there
 * (or the start failed). A command that finds it waits for the lock and attaches, instead of
 * starting its own embedded database on a directory the dev stack is about to hold. Like the lock,
 * it counts only while the process that wrote it lives.
 *
 * @param pid the {@code ./trawl dev} JVM
 * @param startedAt when the marker was written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevStarting(
    @JsonProperty("pid") long pid, @JsonProperty("started_at") Instant startedAt) {
  private static final Logger log = LoggerFactory.getLogger(DevStarting.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public DevStarting {
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** A marker for this JVM, written now. */
  public static DevStarting forThisProcess() {
    return new DevStarting(
        ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * The marker of a {@code ./trawl dev} that is starting, if there is one; a stale one is removed.
   */
  public static Optional<DevStarting> readLive(TrawlHome home) {
    Path file = home.devStarting();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    DevStarting marker;
    try {
      marker = JSON.readValue(file.toFile(), DevStarting.class);
    } catch (IOException e) {
      // Gone between the check and the read: the stack finished starting or gave up.
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      log.warn("removing unreadable {}: {}", file, e.getMessage());
      deleteIfExists(file);
      return Optional.empty();
    }
    if (OsProcesses.liveSince(marker.pid(), marker.startedAt()).isEmpty()) {
      log.info("removing stale {} of process {}, which is no longer running", file, marker.pid());
      deleteIfExists(file);
      return Optional.empty();
    }
    return Optional.of(marker);
  }

  /** Writes the marker, atomically, so a reader never sees half a file. */
  public void write(TrawlHome home) {
    Path file = home.devStarting();
    TrawlHome.ensureDirectory(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + pid);
    try {
      JSON.writeValue(temp.toFile(), this);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteIfExists(temp);
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Removes the marker if it is still this one (same pid). */
  public void remove(TrawlHome home) {
    Path file = home.devStarting();
    try {
      if (Files.exists(file) && JSON.readValue(file.toFile(), DevStarting.class).pid() == pid) {
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
