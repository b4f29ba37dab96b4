package io.trawl.workflows.jobs;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.trawl.workflows.common.Failures;
import java.time.Duration;

/** Every activity option of the jobs pipeline, in one place, with the reason for its numbers. */
public final class JobsActivityOptions {
  private JobsActivityOptions() {}

  /**
   * Database bookkeeping (run rows). Statements take milliseconds; a minute covers a pool wait.
   * Retried briefly because a database blip should not fail a run that already paid.
   */
  public static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(Failures.INVALID_INPUT, Failures.NOT_FOUND)
                  .build())
          .build();

  /**
   * Trigger and progress calls. Bright Data may answer 429 (Retry-After is honoured through the
   * failure's next retry delay) or 5xx; without Retry-After it wants 2, 4, 8, 16, 32 s backoff.
   * Rejections (bad token, bad input) and failed collections are final.
   */
  public static final ActivityOptions PROVIDER_CALL =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setMaximumAttempts(12)
                  .setDoNotRetry(
                      Failures.PROVIDER_REJECTED,
                      Failures.COLLECTION_FAILED,
                      Failures.INVALID_INPUT)
                  .build())
          .build();

  /**
   * Snapshot download into staging. Snapshots go up to 5 GB per request, so the timeout is long and
   * the heartbeat short: a dead worker is noticed within two minutes. A 202 "building" answer
   * retries after the delay the provider named.
   */
  public static final ActivityOptions DOWNLOAD =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(2))
                  .setMaximumAttempts(30)
                  .setDoNotRetry(
                      Failures.PROVIDER_REJECTED,
                      Failures.COLLECTION_FAILED,
                      Failures.INVALID_INPUT)
                  .build())
          .build();

  /**
   * Parse, normalize and upsert. Measured ~100k rows/s, so ten minutes is generous for any
   * snapshot; a retry after commit returns the stored counts.
   */
  public static final ActivityOptions INGEST =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(5)
                  .setDoNotRetry(Failures.INVALID_INPUT, Failures.VALIDATION_FAILED)
                  .build())
          .build();

  /**
   * The job lifecycle's two statements (one UPDATE over stale jobs, one count). Ten minutes covers
   * a first run over millions of rows; retried because the steps are idempotent by their as-of
   * stamp.
   */
  public static final ActivityOptions LIFECYCLE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(5)
                  .setDoNotRetry(Failures.INVALID_INPUT)
                  .build())
          .build();

  /** First wait between progress polls; doubles up to {@link #POLL_MAX_INTERVAL}. */
  public static final Duration POLL_FIRST_INTERVAL = Duration.ofSeconds(2);

  /**
   * First wait against the sandbox, which answers ready on its second poll: a 2 s wait there is
   * idle time in every demo and one-shot command (a third of a warm {@code ./trawl jobs scrape}).
   */
  public static final Duration SANDBOX_POLL_FIRST_INTERVAL = Duration.ofMillis(200);

  /** The first wait between progress polls for runs on {@code provider}. */
  public static Duration pollFirstInterval(ProviderRef provider) {
    return ProviderRef.SANDBOX.equals(provider.mode())
        ? SANDBOX_POLL_FIRST_INTERVAL
        : POLL_FIRST_INTERVAL;
  }

  /** Cap on the wait between polls: collections take minutes, a minute's lag is fine. */
  public static final Duration POLL_MAX_INTERVAL = Duration.ofSeconds(60);
}
