package io.trawl.worker.config;

import io.trawl.activities.notify.WebhookTarget;
import java.util.List;

/**
 * {@code notifications:} in trawl.yaml: the webhook targets failure alerts go to.
 *
 * <p>Parsed by the worker, which alone reads the URLs; workflows know targets by name only.
 *
 * @param targets the targets in config order; empty means no alerts
 */
public record NotificationsConfig(List<WebhookTarget> targets) {
  public static final NotificationsConfig NONE = new NotificationsConfig(List.of());

  public NotificationsConfig {
    targets = List.copyOf(targets);
  }

  /** The worker's targets from {@code config}; none when trawl.yaml has no notifications. */
  public static NotificationsConfig of(TrawlConfig config) {
    return config.section("notifications", NotificationsConfigParser::parse);
  }
}
