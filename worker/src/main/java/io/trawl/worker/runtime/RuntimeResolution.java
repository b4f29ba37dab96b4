package io.trawl.worker.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The runtime mode a command runs in, with where its Temporal server is.
 *
 * <p>Decided in the order of DESIGN.md's "Runtime modes": {@code TEMPORAL_ADDRESS} (or a {@code
 * temporal.toml} profile chosen with {@code TEMPORAL_PROFILE} / {@code TEMPORAL_CONFIG_FILE}) means
 * production; else a live {@code ./trawl dev} lock means attached; else embedded. A blank variable
 * counts as unset (the test build sets {@code TEMPORAL_ADDRESS} to the empty string).
 *
 * <p>A {@code ./trawl dev} that is still starting ({@link DevStarting}) holds the embedded data
 * directory but has no lock yet: then the command waits for the lock (at most {@value
 * DevStartWait#TIMEOUT_ENV}, default 60 s) and attaches.
 *
 * @param mode the chosen mode
 * @param temporal how to reach the server, with TLS and credentials in production; empty in
 *     embedded mode, where the command starts its own
 * @param namespace {@code TEMPORAL_NAMESPACE} (or the profile's) in production, the dev server's
 *     when attached, else {@code default}
 * @param devLock the lock attached to, in attached mode
 */
public record RuntimeResolution(
    RuntimeMode mode,
    Optional<TemporalConnection> temporal,
    String namespace,
    Optional<DevLock> devLock) {
  public static final String ADDRESS_ENV = "TEMPORAL_ADDRESS";
  public static final String NAMESPACE_ENV = "TEMPORAL_NAMESPACE";
  public static final String DEFAULT_NAMESPACE = "default";

  public RuntimeResolution {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(temporal, "temporal");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(devLock, "devLock");
  }

  /** {@link #resolve(Map, TrawlHome, Consumer)} that only logs the line a wait would print. */
  public static RuntimeResolution resolve(Map<String, String> env, TrawlHome home) {
    return resolve(env, home, LoggerFactory.getLogger(RuntimeResolution.class)::info);
  }

  /**
   * Picks the mode for {@code env}, reading (and cleaning up) the dev lock under {@code home}.
   *
   * @param notice gets one line before waiting for a {@code ./trawl dev} that is starting
   * @throws IllegalStateException when that {@code ./trawl dev} does not finish starting in time
   * @throws io.trawl.worker.config.ConfigException when production's Temporal settings are wrong
   */
  public static RuntimeResolution resolve(
      Map<String, String> env, TrawlHome home, Consumer<String> notice) {
    if (TemporalConnection.requested(env)) {
      TemporalConnection connection = TemporalConnection.fromEnvironment(env);
      return new RuntimeResolution(
          RuntimeMode.PRODUCTION,
          Optional.of(connection),
          connection.namespace(),
          Optional.empty());
    }
    Optional<DevLock> lock = DevLock.readLive(home);
    if (lock.isEmpty()) {
      lock = awaitStartingDev(env, home, notice);
    }
    if (lock.isPresent()) {
      return new RuntimeResolution(
          RuntimeMode.ATTACHED,
          Optional.of(
              TemporalConnection.plain(lock.get().temporalTarget(), lock.get().namespace())),
          lock.get().namespace(),
          lock);
    }
    String namespace = nonBlank(env.get(NAMESPACE_ENV)).orElse(DEFAULT_NAMESPACE);
    return new RuntimeResolution(
        RuntimeMode.EMBEDDED, Optional.empty(), namespace, Optional.empty());
  }

  private static Optional<DevLock> awaitStartingDev(
      Map<String, String> env, TrawlHome home, Consumer<String> notice) {
    Optional<DevStarting> starting = DevStarting.readLive(home);
    if (starting.isEmpty()) {
      // The stack may have written its lock, and removed the marker, since the lock was read.
      return DevLock.readLive(home);
    }
    Duration timeout = DevStartWait.timeout(env);
    notice.accept(
        "waiting for ./trawl dev to finish starting (pid "
            + starting.get().pid()
            + ", up to "
            + DevStartWait.describe(timeout)
            + ")...");
    return DevStartWait.awaitLock(home, starting.get(), timeout);
  }

  /** The server's gRPC address; empty in embedded mode. */
  public Optional<String> temporalTarget() {
    return temporal.map(TemporalConnection::address);
  }

  /** True when the server keeps histories, schedules and visibility beyond this command. */
  public boolean durable() {
    return mode != RuntimeMode.EMBEDDED;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
