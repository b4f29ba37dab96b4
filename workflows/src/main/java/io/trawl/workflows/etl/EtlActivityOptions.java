package io.trawl.workflows.etl;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.trawl.workflows.common.Failures;
import java.time.Duration;

/** Every activity option of the ETL pipeline, in one place, with the reason for its numbers. */
public final class EtlActivityOptions {
  private EtlActivityOptions() {}

  /**
   * A probe is one HEAD (maybe a one-byte GET) through at most five redirects; the HTTP client
   * gives up on a connection after 10 s and on a silent read after 30 s, so two minutes covers the
   * worst case. A flaky server gets five tries over about a minute; refusals are final.
   */
  public static final ActivityOptions PROBE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(5)
                  .setDoNotRetry(Failures.INVALID_INPUT, Failures.PROVIDER_REJECTED)
                  .build())
          .build();

  /**
   * The download. Six hours fits 10 GiB (the default max_bytes) at 0.5 MB/s. The heartbeat timeout
   * is short because it is how a crashed worker is noticed: a live download heartbeats its
   * checkpoint every second even when the server is silent, the SDK forwards the latest one every 8
   * s (0.8 × timeout), so a retry starts within ~10 s of a crash and repeats at most ~8 s of
   * transfer. Broken connections retry with backoff up to 20 times; each retry resumes, so only a
   * persistently broken source fails.
   */
  public static final ActivityOptions DOWNLOAD =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(6))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(20)
                  .setDoNotRetry(
                      Failures.INVALID_INPUT,
                      Failures.PROVIDER_REJECTED,
                      Failures.SIZE_LIMIT_EXCEEDED)
                  .build())
          .build();

  /**
   * Reading a whole local file: hashing the current copy, or decompressing a gzip/zip to check it.
   * 10 GiB at 100 MB/s is under two minutes, so an hour is generous; the 30 s heartbeat notices a
   * dead worker. A validation failure is final: the file is quarantined, not re-read.
   */
  public static final ActivityOptions FILE_SCAN =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(1))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(5)
                  .setDoNotRetry(Failures.INVALID_INPUT, Failures.VALIDATION_FAILED)
                  .build())
          .build();

  /**
   * Renames and database rows (publish, quarantine, run record): milliseconds each, a minute covers
   * a pool wait. Retried for a while because a database blip must not lose a good file.
   */
  public static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(Failures.INVALID_INPUT)
                  .build())
          .build();
}
