package io.trawl.activities.notify;

import io.trawl.workflows.notify.NotificationFailures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The worker's webhook targets by name, and their URLs resolved against the worker's environment.
 *
 * <p>{@code ${env:NAME}} is read when sending, not at startup, so a worker without the variable
 * still runs every pipeline and only that target's deliveries fail, naming the variable.
 */
public final class WebhookTargets {
  private final Map<String, WebhookTarget> byName = new LinkedHashMap<>();
  private final Map<String, String> environment;

  public WebhookTargets(List<WebhookTarget> targets, Map<String, String> environment) {
    targets.forEach(target -> byName.put(target.name(), target));
    this.environment = Map.copyOf(environment);
  }

  /** Names of the targets that want {@code kind}, in config order. */
  public List<String> namesFor(String kind) {
    return byName.values().stream().filter(t -> t.wants(kind)).map(WebhookTarget::name).toList();
  }

  /**
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@code NotificationTargetInvalid}
   *     when no target has that name (the config changed under a running notification)
   */
  public WebhookTarget named(String name) {
    WebhookTarget target = byName.get(name);
    if (target == null) {
      throw NotificationFailures.targetInvalid(
          "webhook " + name + " is not configured on this worker (known: " + byName.keySet() + ")");
    }
    return target;
  }

  /**
   * The target's URL, its {@code ${env:NAME}} resolved.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@code NotificationTargetInvalid}
   *     naming the target and the variable, never a value, when the variable is unset or does not
   *     hold an http(s) URL
   */
  public HttpUrl urlOf(WebhookTarget target) {
    String variable = target.environmentVariable();
    String raw = variable == null ? target.url().strip() : environment.get(variable);
    if (raw == null || raw.isBlank()) {
      throw NotificationFailures.targetInvalid(
          "webhook "
              + target.name()
              + ": url uses ${env:"
              + variable
              + "}, which is not set in the worker's environment");
    }
    String lower = raw.strip().toLowerCase(Locale.ROOT);
    HttpUrl url = HttpUrl.parse(raw.strip());
    if (url == null || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
      throw NotificationFailures.targetInvalid(
          "webhook "
              + target.name()
              + ": "
              + (variable == null ? "url" : "${env:" + variable + "}")
              + " is not an http(s) URL");
    }
    return url;
  }
}
