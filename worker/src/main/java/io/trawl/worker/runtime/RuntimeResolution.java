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
 * <p>Decided in the order of DESIGN.md's "Runtime modes": {@code TEMPORAL_ADDRESS} set means
 * production; else a live {@code ./trawl dev} lock means attached; else embedded. A blank variable
 * counts as unset (the test build sets {@code TEMPORAL_ADDRESS} to the empty string).
 *
 * <p>A {@code ./trawl dev} that is still starting ({@link DevStarting}) holds the embedded data
 * directory but has no lock yet: then the command waits for the lock (at most {@value
 * DevStartWait#TIMEOUT_ENV}, default 60 s) and attaches.
 *
 * @param mode the chosen mode
 * @param temporalTarget the gRPC address; empty in embedded mode, where the command starts its own
 * @param namespace {@code TEMPORAL_NAMESPACE} in production, the dev server's when attached, else
 *     {@code default}
 * @param devLock the lock attached to, in attached mode
 */
public record RuntimeResolution(
    RuntimeMode mode,
    Optional<String> temporalTarget,
    String namespace,
    Optional<DevLock> devLock) {
  public static final String ADDRESS_ENV = "TEMPORAL_ADDRESS";
  public static final String NAMESPACE_ENV = "TEMPORAL_NAMESPACE";
  public static final String DEFAULT_NAMESPACE = "default";

  public RuntimeResolution {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(temporalTarget, "temporalTarget");
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
   */
  public static RuntimeResolution resolve(
      Map<String, String> env, TrawlHome home, Consumer<String> notice) {
    Optional<String> address = nonBlank(env.get(ADDRESS_ENV));
    if (address.isPresent()) {
      String namespace = nonBlank(env.get(NAMESPACE_ENV)).orElse(DEFAULT_NAMESPACE);
      return new RuntimeResolution(RuntimeMode.PRODUCTION, address, namespace, Optional.empty());
    }
    Optional<DevLock> lock = DevLock.readLive(home);
    if (lock.isEmpty()) {
      lock = awaitStartingDev(env, home, notice);
    }
    if (lock.isPresent()) {
      return new RuntimeResolution(
          RuntimeMode.ATTACHED,
          Optional.of(lock.get().temporalTarget()),
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

  /** True when the server keeps histories, schedules and visibility beyond this command. */
  public boolean durable() {
    return mode != RuntimeMode.EMBEDDED;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
