package io.trawl.workflows.notify;

import io.temporal.failure.ApplicationFailure;

/** Failure types of webhook delivery; the type strings are what the retry policy matches. */
public final class NotificationFailures {
  /** The target answered 4xx (not 408/429): sending the same request again cannot help. */
  public static final String WEBHOOK_REJECTED = "WebhookRejected";
  /** 5xx, 408, 429, a timeout or an unreachable host: worth another try. */
  public static final String WEBHOOK_UNAVAILABLE = "WebhookUnavailable";
  /** The worker's config cannot deliver to the target (unknown name, unset variable). */
  public static final String TARGET_INVALID = "NotificationTargetInvalid";

  private NotificationFailures() {}

  public static ApplicationFailure rejected(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, WEBHOOK_REJECTED);
  }

  /** Retryable; no cause is attached, since a transport exception's text may quote the URL. */
  public static ApplicationFailure unavailable(String message) {
    return ApplicationFailure.newFailure(message, WEBHOOK_UNAVAILABLE);
  }

  public static ApplicationFailure targetInvalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, TARGET_INVALID);
  }
}
