package io.trawl.worker.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime mode a command runs in, with where its Temporal server is.
 *
 * <p>Decided in the order of DESIGN.md's "Runtime modes": {@code TEMPORAL_ADDRESS} set means
 * production; else a live {@code ./trawl dev} lock means attached; else embedded. A blank variable
 * counts as unset (the test build sets {@code TEMPORAL_ADDRESS} to the empty string).
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

  /** Picks the mode for {@code env}, reading (and cleaning up) the dev lock under {@code home}. */
  public static RuntimeResolution resolve(Map<String, String> env, TrawlHome home) {
    Optional<String> address = nonBlank(env.get(ADDRESS_ENV));
    if (address.isPresent()) {
      String namespace = nonBlank(env.get(NAMESPACE_ENV)).orElse(DEFAULT_NAMESPACE);
      return new RuntimeResolution(RuntimeMode.PRODUCTION, address, namespace, Optional.empty());
    }
    Optional<DevLock> lock = DevLock.readLive(home);
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

  /** True when the server keeps histories, schedules and visibility beyond this command. */
  public boolean durable() {
    return mode != RuntimeMode.EMBEDDED;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
