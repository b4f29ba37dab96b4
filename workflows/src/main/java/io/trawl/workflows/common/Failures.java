package io.trawl.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;

/**
 * Failure type names shared by workflows and activities, and the factories that throw them.
 *
 * <p>The type string is what retry policies match in {@code setDoNotRetry}, so the names are
 * stable.
 */
public final class Failures {
  /** Bad input: retrying cannot help. */
  public static final String INVALID_INPUT = "InvalidInput";

  /** A provider refused us for rate reasons; retry after the delay it gave. */
  public static final String PROVIDER_RATE_LIMITED = "ProviderRateLimited";

  /** A provider answered 5xx, an HTML page, or a truncated body; retry with backoff. */
  public static final String PROVIDER_UNAVAILABLE = "ProviderUnavailable";

  /** A provider rejected the request or credentials for good (400/401/404). */
  public static final String PROVIDER_REJECTED = "ProviderRejected";

  /** The provider's collection itself failed (status failed, snapshot expired). */
  public static final String COLLECTION_FAILED = "CollectionFailed";

  /** A snapshot is still being built after progress said ready; retry shortly. */
  public static final String SNAPSHOT_NOT_READY = "SnapshotNotReady";

  /** Polling ran past its deadline. */
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  /** Data failed validation and must not be used. */
  public static final String VALIDATION_FAILED = "ValidationFailed";

  /** A row or resource that must exist does not. */
  public static final String NOT_FOUND = "NotFound";

  /** The period's budget cannot cover the paid call: retrying today cannot help. */
  public static final String BUDGET_EXHAUSTED = "BudgetExhausted";

  /** A provider's circuit breaker is open after repeated failures; retry once it half-opens. */
  public static final String BREAKER_OPEN = "BreakerOpen";

  private Failures() {}

  public static ApplicationFailure invalidInput(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_INPUT);
  }

  public static ApplicationFailure rejected(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, PROVIDER_REJECTED);
  }

  public static ApplicationFailure collectionFailed(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, COLLECTION_FAILED);
  }

  public static ApplicationFailure notFound(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, NOT_FOUND);
  }

  public static ApplicationFailure budgetExhausted(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, BUDGET_EXHAUSTED);
  }

  /** Retryable after {@code retryAfter}, when the breaker lets a trial call through. */
  public static ApplicationFailure breakerOpen(String message, Duration retryAfter) {
    return retryable(message, BREAKER_OPEN, retryAfter);
  }

  public static ApplicationFailure deadlineExceeded(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, DEADLINE_EXCEEDED);
  }

  /** Retryable; {@code retryAfter} null means "use the retry policy's backoff". */
  public static ApplicationFailure rateLimited(String message, Duration retryAfter) {
    return retryable(message, PROVIDER_RATE_LIMITED, retryAfter);
  }

  public static ApplicationFailure unavailable(String message, Duration retryAfter) {
    return retryable(message, PROVIDER_UNAVAILABLE, retryAfter);
  }

  public static ApplicationFailure snapshotNotReady(String message, Duration retryAfter) {
    return retryable(message, SNAPSHOT_NOT_READY, retryAfter);
  }

  private static ApplicationFailure retryable(String message, String type, Duration retryAfter) {
    return ApplicationFailure.newBuilder()
        .setMessage(message)
        .setType(type)
        .setNextRetryDelay(retryAfter)
        .build();
  }

  /**
   * One line for a run row or a summary: the innermost application message, else the failure's own.
   */
  public static String describe(Throwable failure) {
    Throwable cursor = failure;
    while (cursor != null) {
      if (cursor instanceof ApplicationFailure app) {
        return app.getOriginalMessage();
      }
      if (cursor instanceof CanceledFailure) {
        return "cancelled";
      }
      if (cursor instanceof TimeoutFailure timeout) {
        return "timed out (" + timeout.getTimeoutType() + ")";
      }
      if (!(cursor instanceof ActivityFailure) && cursor.getCause() == null) {
        return cursor.getMessage();
      }
      cursor = cursor.getCause();
    }
    return failure.getMessage();
  }

  /** True when {@code failure} is, or was caused by, a cancellation: cancelled, not failed. */
  public static boolean isCancellation(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  /** A download grew past its source's {@code max_bytes}; the partial file is deleted. */
  public static final String SIZE_LIMIT_EXCEEDED = "SizeLimitExceeded";

  public static ApplicationFailure sizeLimitExceeded(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, SIZE_LIMIT_EXCEEDED);
  }

  /**
   * Non-retryable {@link #VALIDATION_FAILED}; {@code check} (e.g. "checksum", "html-page") is the
   * failure's first detail, so a workflow can record which check refused the data.
   */
  public static ApplicationFailure validationFailed(String message, String check) {
    return ApplicationFailure.newNonRetryableFailure(message, VALIDATION_FAILED, check);
  }

  /**
   * A quote source answered, but with no usable quote (a robot page, a page without the quote, a
   * chart without a price): a failed fetch of that source, retryable, never a quote.
   */
  public static final String QUOTE_UNAVAILABLE = "QuoteUnavailable";

  /**
   * A paid provider answered 200, so it billed the call, but its answer broke on the way (reset
   * mid-body, cut short): retryable, and the caller books the lost call as spent, since the retry
   * pays again.
   */
  public static final String PAID_ANSWER_LOST = "PaidAnswerLost";

  /** Retryable {@link #PAID_ANSWER_LOST}. */
  public static ApplicationFailure paidAnswerLost(String message) {
    return ApplicationFailure.newFailure(message, PAID_ANSWER_LOST);
  }

  /**
   * Retryable {@link #QUOTE_UNAVAILABLE}; {@code reason} (e.g. "ROBOT_PAGE") is the first detail.
   */
  public static ApplicationFailure quoteUnavailable(String message, String reason) {
    return ApplicationFailure.newFailure(message, QUOTE_UNAVAILABLE, reason);
  }

  /**
   * No source of a chain gave a quote: {@link #QUOTE_UNAVAILABLE} with {@code detail} (the
   * per-source reasons) first. Retryable after {@code retryAfter} (null: the retry policy's
   * backoff) unless {@code retryable} is false, when every source answered for good.
   */
  public static ApplicationFailure quoteUnavailable(
      String message, Duration retryAfter, boolean retryable, Object detail) {
    return ApplicationFailure.newBuilder()
        .setMessage(message)
        .setType(QUOTE_UNAVAILABLE)
        .setNextRetryDelay(retryable ? retryAfter : null)
        .setNonRetryable(!retryable)
        .setDetails(new Object[] {detail})
        .build();
  }
}
