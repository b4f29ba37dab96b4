package io.trawl.activities.notify;

import io.trawl.activities.EnvReferences;
import io.trawl.workflows.notify.NotificationKind;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One configured webhook target.
 *
 * <p>The URL is a secret (a Slack webhook URL carries its token), so {@link #toString()} leaves it
 * out and the target is referred to by {@link #name()} everywhere else.
 *
 * @param name the target's unique name, used in logs, errors and workflow results
 * @param url a literal http(s) URL or {@code ${env:NAME}}, resolved when sending
 * @param format the body the target expects
 * @param events the kinds it wants
 */
public record WebhookTarget(
    String name, String url, WebhookFormat format, Set<NotificationKind> events) {
  public WebhookTarget {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is empty");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url of target " + name + " is empty");
    }
    if (format == null) {
      throw new IllegalArgumentException("format of target " + name + " is missing");
    }
    events = Set.copyOf(events);
  }

  /** True when the target's {@code events} include {@code kind}. */
  public boolean wants(String kind) {
    return NotificationKind.fromConfigName(kind).map(events::contains).orElse(false);
  }

  /** The variable named by a {@code ${env:NAME}} url, or null for a literal URL. */
  public String environmentVariable() {
    Matcher matcher = EnvReferences.PATTERN.matcher(url.strip());
    return matcher.matches() ? matcher.group(1) : null;
  }

  @Override
  public String toString() {
    return "WebhookTarget[name="
        + name
        + ", format="
        + format.configName()
        + ", events="
        + events
        + "]";
  }
}
