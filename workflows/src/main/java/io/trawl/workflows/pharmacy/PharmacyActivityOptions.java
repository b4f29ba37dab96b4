package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.trawl.workflows.common.Failures;
import java.time.Duration;

/** Every activity option of the pharmacy pipeline, with the reason for its numbers. */
public final class PharmacyActivityOptions {
  private PharmacyActivityOptions() {}

  /** Task queue of Apify calls: its workers hold the provider's rate and concurrency limits. */
  public static final String APIFY_QUEUE = "trawl-provider-apify";

  /** Task queue of Places lookups, rate-limited by the server across every worker. */
  public static final String PLACES_QUEUE = "trawl-provider-places";

  /** Task queue of LLM classifier calls, rate-limited like the others (the original: 10/min). */
  public static final String LLM_QUEUE = "trawl-provider-llm";

  /** LLM calls a run keeps in flight; the queue's rate decides how fast they really go. */
  public static final int PARALLEL_LLM_CALLS = 5;

  /**
   * LLM calls one run makes at most: ~6 history events each keeps the run far under 51,200 events,
   * and at the original's 10 calls a minute this is already hours. Places past it keep the rule's
   * answer.
   */
  public static final int MAX_LLM_CALLS = 2_000;

  /** Searches collected at once: Apify allows far more, but each holds a paid actor run. */
  public static final int PARALLEL_SEARCHES = 4;

  /** Places per verification child workflow: ~3 history events each stays far under 51,200. */
  public static final int VERIFICATION_BATCH = 500;

  /** Places whose lookups a verification batch keeps in flight at once. */
  public static final int PARALLEL_VERIFICATIONS = 20;

  /** How long a search's actor run may take before the run gives up on it (the original: 1 h). */
  public static final Duration ACTOR_DEADLINE = Duration.ofHours(1);

  private static final String[] FINAL =
      new String[] {
        Failures.INVALID_INPUT,
        Failures.NOT_FOUND,
        Failures.PROVIDER_REJECTED,
        Failures.BUDGET_EXHAUSTED,
        Failures.COLLECTION_FAILED
      };

  /** Run rows, cache lookups, stage bookkeeping: milliseconds; a minute covers a pool wait. */
  public static final ActivityOptions BOOKKEEPING =
      ActivityOptions.newBuilder()
          .setTaskQueue(PharmacyRunWorkflow.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(FINAL)
                  .build())
          .build();

  /**
   * Actor start and abort. Apify documents no Retry-After: back off from 500 ms, doubling, as its
   * official clients do (up to 8 tries); rejections and budget refusals are final.
   */
  public static final ActivityOptions APIFY_CALL =
      ActivityOptions.newBuilder()
          .setTaskQueue(APIFY_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(500))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(FINAL)
                  .build())
          .build();

  /** One {@code waitForFinish} call: Apify holds it at most 60 s, so two minutes is its bound. */
  public static final ActivityOptions APIFY_WAIT =
      ActivityOptions.newBuilder(APIFY_CALL).setStartToCloseTimeout(Duration.ofMinutes(2)).build();

  /**
   * Paging a dataset into staging: minutes for thousands of places; the heartbeat notices a dead
   * worker, and a retry replaces the search's staged items.
   */
  public static final ActivityOptions APIFY_PAGES =
      ActivityOptions.newBuilder(APIFY_CALL)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .build();

  /** Dedup and classification over a run's places: seconds for 20,000 rows. */
  public static final ActivityOptions STAGE =
      ActivityOptions.newBuilder(BOOKKEEPING)
          .setStartToCloseTimeout(Duration.ofMinutes(15))
          .build();

  /**
   * One Places text search. RESOURCE_EXHAUSTED retries after its RetryInfo delay (through the
   * failure's next retry delay), else from one second, doubling.
   */
  public static final ActivityOptions PLACES_CALL =
      ActivityOptions.newBuilder()
          .setTaskQueue(PLACES_QUEUE)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          // A rate-limited queue may hold a task a while before a worker may start it.
          .setScheduleToCloseTimeout(Duration.ofHours(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(8)
                  .setDoNotRetry(FINAL)
                  .build())
          .build();

  /**
   * One LLM classification. A 429 waits for its Retry-After (the failure's next retry delay); few
   * attempts, since the rule's answer stands when the LLM cannot give one. Rejections and replies
   * that are not the JSON asked for are final.
   */
  public static final ActivityOptions LLM_CALL =
      ActivityOptions.newBuilder()
          .setTaskQueue(LLM_QUEUE)
          // The client's own call timeout is 90 s.
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          // At 10 calls a minute a run's calls queue for a while before a worker may start them.
          .setScheduleToCloseTimeout(Duration.ofHours(6))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(3)
                  .setDoNotRetry(
                      Failures.INVALID_INPUT,
                      Failures.NOT_FOUND,
                      Failures.PROVIDER_REJECTED,
                      Failures.BUDGET_EXHAUSTED,
                      Failures.VALIDATION_FAILED)
                  .build())
          .build();
}
