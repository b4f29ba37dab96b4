package io.trawl.worker.runtime;

/** Which Temporal a command talks to; see {@link RuntimeResolution#resolve}. */
public enum RuntimeMode {
  /**
   * {@code TEMPORAL_ADDRESS} names a real cluster; the database comes from {@code DATABASE_URL}.
   */
  PRODUCTION,
  /** A running {@code ./trawl dev} (its {@link DevLock}) provides the server and database. */
  ATTACHED,
  /** Neither: the command starts an in-memory test server and the embedded database for itself. */
  EMBEDDED
}
