package io.trawl.activities.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The body a webhook target expects. */
public enum WebhookFormat {
  /** The event as a JSON object with snake_case keys, for generic receivers. */
  JSON("json"),
  /** {@code {"text": "…"}}, which Slack, Mattermost and Teams-style incoming webhooks accept. */
  SLACK("slack");

  private final String configName;

  WebhookFormat(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<WebhookFormat> fromConfigName(String name) {
    return Arrays.stream(values()).filter(f -> f.configName.equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(WebhookFormat::configName).toList();
  }
}
