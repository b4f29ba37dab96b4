package io.trawl.worker.notify;

import io.temporal.worker.Worker;
import io.trawl.activities.notify.NotificationActivitiesImpl;
import io.trawl.activities.notify.WebhookPayloads;
import io.trawl.activities.notify.WebhookSender;
import io.trawl.activities.notify.WebhookTarget;
import io.trawl.activities.notify.WebhookTargets;
import io.trawl.worker.config.NotificationsConfig;
import io.trawl.workflows.notify.NotificationWorkflowImpl;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the notification workflow and its webhook activities on a worker. */
public final class NotifyRegistration {
  private static final Logger log = LoggerFactory.getLogger(NotifyRegistration.class);

  private NotifyRegistration() {}

  /**
   * @param config the worker's targets; {@link NotificationsConfig#NONE} delivers nothing
   * @param environment where {@code ${env:NAME}} URLs are read from when sending
   */
  public static void register(
      Worker worker, NotificationsConfig config, Map<String, String> environment) {
    worker.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new NotificationActivitiesImpl(
            new WebhookTargets(config.targets(), environment),
            new WebhookSender(),
            new WebhookPayloads()));
    for (WebhookTarget target : config.targets()) {
      String variable = target.environmentVariable();
      if (variable != null && isBlank(environment.get(variable))) {
        // Said at startup as well, so the gap shows before the first failure needs an alert.
        log.warn(
            "notification target={} uses ${env:{}}, which is not set; its alerts will fail",
            target.name(),
            variable);
      }
    }
    log.info(
        "notification targets={}", config.targets().stream().map(WebhookTarget::name).toList());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
