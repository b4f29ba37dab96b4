package io.trawl.workflows.notify;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The worker's webhook targets: which want an event, and the delivery to one of them. */
@ActivityInterface(namePrefix = "Notify")
public interface NotificationActivities {
  /**
   * Names of the configured targets whose {@code events} include {@code kind}, in config order.
   * Read-only; names only, because the URLs are secrets that must not enter a history.
   */
  List<String> targetsFor(String kind);

  /**
   * Posts the event to the target named, in the target's format. A repeat after a lost answer may
   * deliver twice (webhooks have no idempotency key); that is preferred to a lost alert.
   *
   * <p>Throws non-retryable {@code WebhookRejected} for a 4xx answer other than 408/429 and
   * non-retryable {@code NotificationTargetInvalid} for an unknown target or an unset {@code
   * ${env:NAME}}; retryable {@code WebhookUnavailable} for 5xx, 408, 429, timeouts and unreachable
   * hosts. Messages name the target and the status, never the URL.
   */
  void deliver(String target, NotificationEvent event);
}
