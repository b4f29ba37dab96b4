package io.trawl.workflows.notify;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Every activity option of the notification workflow, with the reason for its numbers. */
public final class NotificationActivityOptions {
  private NotificationActivityOptions() {}

  /** Reading the worker's target list: in memory, so seconds are plenty. */
  public static final ActivityOptions LOOKUP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(10))
                  .setMaximumAttempts(5)
                  .build())
          .build();

  /**
   * One POST to one target. The HTTP client gives up after 15 s, so 30 s bounds an attempt; ten
   * attempts at 2, 4, 8 … capped at 60 s backoff ride out about six minutes of an unreachable
   * receiver, after which the alert is reported as failed rather than retried forever. A 4xx
   * refusal is final.
   */
  public static final ActivityOptions DELIVERY =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(
                      NotificationFailures.WEBHOOK_REJECTED, NotificationFailures.TARGET_INVALID)
                  .build())
          .build();
}
