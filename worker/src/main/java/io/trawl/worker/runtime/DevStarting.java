package io.trawl.worker.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
  private static final LiveProcessFile<DevStarting> FILE =
      new LiveProcessFile<>(JSON, DevStarting.class, DevStarting::pid, DevStarting::startedAt, log);

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
    return FILE.readLive(home.devStarting());
  }

  /** Writes the marker, atomically, so a reader never sees half a file. */
  public void write(TrawlHome home) {
    FILE.write(home.devStarting(), this);
  }

  /** Removes the marker if it is still this one (same pid). */
  public void remove(TrawlHome home) {
    FILE.remove(home.devStarting(), pid);
  }
}
