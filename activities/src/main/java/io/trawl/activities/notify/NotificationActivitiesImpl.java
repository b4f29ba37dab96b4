package io.trawl.activities.notify;

import io.temporal.activity.Activity;
import io.trawl.workflows.notify.NotificationActivities;
import io.trawl.workflows.notify.NotificationEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers notifications to the worker's configured webhook targets. */
public final class NotificationActivitiesImpl implements NotificationActivities {
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final WebhookTargets targets;
  private final WebhookSender sender;
  private final WebhookPayloads payloads;

  public NotificationActivitiesImpl(
      WebhookTargets targets, WebhookSender sender, WebhookPayloads payloads) {
    this.targets = targets;
    this.sender = sender;
    this.payloads = payloads;
  }

  @Override
  public List<String> targetsFor(String kind) {
    return targets.namesFor(kind);
  }

  @Override
  public void deliver(String target, NotificationEvent event) {
    WebhookTarget configured = targets.named(target);
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    int status =
        sender.send(
            target, targets.urlOf(configured), payloads.render(configured.format(), event));
    log.info(
        "notification delivered event={} target={} status={} attempt={}",
        event.kind(),
        target,
        status,
        attempt);
  }
}
