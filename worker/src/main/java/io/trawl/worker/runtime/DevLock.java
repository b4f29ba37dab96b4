package io.trawl.worker.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file {@code TRAWL_HOME/dev.lock}: while {@code ./trawl dev} runs it says where its
 * Temporal server, database and sandboxes are, and every other {@code ./trawl} command attaches to
 * them.
 *
 * <p>The file is JSON. It counts only while the process that wrote it is alive; a file left by a
 * killed process is ignored and removed by {@link #readLive}. The recorded start time guards
 * against a new process that got the same pid.
 *
 * @param pid the {@code ./trawl dev} JVM
 * @param temporalTarget gRPC address of its dev server, {@code 127.0.0.1:7233}
 * @param namespace the Temporal namespace it serves
 * @param uiUrl the Web UI
 * @param jdbcUrl the embedded PostgreSQL (no password: it trusts local connections)
 * @param sandboxUrls base URL of each sandbox provider, by provider name
 * @param startedAt when the lock was written
 */
// A newer trawl may add fields; an older one attaching to it must still read the file.
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevLock(
    @JsonProperty("pid") long pid,
    @JsonProperty("temporal_target") String temporalTarget,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("ui_url") String uiUrl,
    @JsonProperty("jdbc_url") String jdbcUrl,
    @JsonProperty("sandbox_urls") Map<String, String> sandboxUrls,
    @JsonProperty("started_at") Instant startedAt) {
  private static final Logger log = LoggerFactory.getLogger(DevLock.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final LiveProcessFile<DevLock> FILE =
      new LiveProcessFile<>(JSON, DevLock.class, DevLock::pid, DevLock::startedAt, log);

  public DevLock {
    Objects.requireNonNull(temporalTarget, "temporalTarget");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(startedAt, "startedAt");
    sandboxUrls = sandboxUrls == null ? Map.of() : Map.copyOf(sandboxUrls);
  }

  /** A lock for this JVM, started now. */
  public static DevLock forThisProcess(
      String temporalTarget,
      String namespace,
      String uiUrl,
      String jdbcUrl,
      Map<String, String> sandboxUrls) {
    return new DevLock(
        ProcessHandle.current().pid(),
        temporalTarget,
        namespace,
        uiUrl,
        jdbcUrl,
        sandboxUrls,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * The lock of a running {@code ./trawl dev}, if there is one; a stale file is removed.
   *
   * <p>An unreadable file counts as stale too: it is written whole by an atomic rename, so only a
   * person or another program can have broken it.
   */
  public static Optional<DevLock> readLive(TrawlHome home) {
    return FILE.readLive(home.devLock());
  }

  /**
   * Writes the lock, atomically.
   *
   * @throws IllegalStateException when another live process holds it
   */
  public void write(TrawlHome home) {
    Optional<DevLock> current = readLive(home);
    if (current.isPresent() && current.get().pid() != pid) {
      throw new IllegalStateException(
          "./trawl dev already runs as process "
              + current.get().pid()
              + " (Temporal at "
              + current.get().temporalTarget()
              + ", lock "
              + home.devLock()
              + ")");
    }
    FILE.write(home.devLock(), this);
  }

  /** Removes the lock if it is still this one (same pid); a newer owner's lock is left alone. */
  public void remove(TrawlHome home) {
    FILE.remove(home.devLock(), pid);
  }
}
