package io.trawl.worker.runtime;

import io.trawl.worker.config.TrawlConfigLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for a {@code ./trawl dev} that is starting ({@link DevStarting}) to write its {@link
 * DevLock}.
 *
 * <p>Between taking the embedded database's data directory and writing the lock, the dev stack
 * starts the Temporal dev server and a worker: a few seconds, longer when the Temporal CLI is
 * installed on first use. A command started then attaches once the lock is there instead of running
 * embedded on a data directory the stack holds.
 */
final class DevStartWait {
  /**
   * How long a command waits, as a duration ({@code 60s}, {@code 2m}); for tests and slow disks.
   */
  static final String TIMEOUT_ENV = "TRAWL_DEV_START_TIMEOUT";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  private DevStartWait() {}

  /**
   * {@value #TIMEOUT_ENV} from {@code env}, else {@link #DEFAULT_TIMEOUT}.
   *
   * @throws io.trawl.worker.config.ConfigException when it is not a positive duration
   */
  static Duration timeout(Map<String, String> env) {
    String configured = env.get(TIMEOUT_ENV);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    return TrawlConfigLoader.duration("environment", TIMEOUT_ENV, configured);
  }

  /**
   * The lock of the stack {@code starting} once it is written; empty when that stack ended without
   * writing one (its start failed, so the data directory is free again).
   *
   * @throws IllegalStateException when {@code timeout} passes first, saying so
   */
  static Optional<DevLock> awaitLock(TrawlHome home, DevStarting starting, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<DevLock> lock = DevLock.readLive(home);
      if (lock.isPresent()) {
        return lock;
      }
      if (DevStarting.readLive(home).filter(m -> m.pid() == starting.pid()).isEmpty()) {
        // The marker goes only after the lock is written, so look once more before giving up.
        return DevLock.readLive(home);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "./trawl dev (pid "
                + starting.pid()
                + ") did not finish starting within "
                + describe(timeout)
                + " (no "
                + home.devLock()
                + " yet); wait for its \"ready\" line and run the command again ("
                + TIMEOUT_ENV
                + " sets how long commands wait)");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for ./trawl dev to start", e);
      }
    }
  }

  static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
