package io.trawl.workflows.market;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.trawl.workflows.common.Failures;
import java.time.Duration;

/** Every activity option of the market pipeline, with the reason for its numbers. */
public final class MarketActivityOptions {
  private MarketActivityOptions() {}

  /** Quotes an on-demand request keeps in flight at once. */
  public static final int PARALLEL_QUOTES = 8;

  private static final String[] FINAL =
      new String[] {
        Failures.INVALID_INPUT,
        Failures.NOT_FOUND,
        Failures.PROVIDER_REJECTED,
        Failures.BUDGET_EXHAUSTED,
      };

  /**
   * An on-demand quote: a person is waiting, so one attempt; the chain inside it already falls back
   * from source to source, and the answer names why each failed. A Bright Data call may take a
   * minute (the Unlocker's own timeout), a Yahoo call 20 s.
   */
  public static final ActivityOptions ON_DEMAND =
      ActivityOptions.newBuilder()
          .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  /**
   * A collection's quote: nobody waits, so a symbol whose sources are all down is retried when the
   * first breaker half-opens (the failure's next retry delay), three tries within ten minutes, well
   * before the next 15-minute collection.
   */
  public static final ActivityOptions COLLECTION =
      ActivityOptions.newBuilder()
          .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(5))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(2))
                  .setMaximumAttempts(3)
                  .setDoNotRetry(FINAL)
                  .build())
          .build();

  /** Reading tracked symbols, deleting expired cache rows: milliseconds; a minute covers a pool. */
  public static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(FINAL)
                  .build())
          .build();
}
