package io.trawl.workflows.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing worth telling a person about, as it travels to the notification workflow.
 *
 * <p>It names targets nowhere: webhook URLs are secrets and stay in the worker's configuration, so
 * nothing here may carry a token, a URL with credentials or a credential-bearing error.
 *
 * @param kind a {@link NotificationKind#configName()}, e.g. {@code run_failed}
 * @param pipeline the pipeline it concerns: {@code jobs}, {@code etl}, {@code market}, …
 * @param workflowId the workflow it concerns, or null for events from worker code
 * @param runId that workflow's run id, or null
 * @param title a short subject, e.g. "Data Engineer in Netherlands"
 * @param message one line saying what happened, e.g. the run's error
 * @param details further key/value facts (source id, quarantine path, …); null values are dropped
 * @param occurredAtMillis when it happened, epoch milliseconds (workflow time inside workflows)
 */
public record NotificationEvent(
    String kind,
    String pipeline,
    String workflowId,
    String runId,
    String title,
    String message,
    Map<String, String> details,
    long occurredAtMillis) {
  public NotificationEvent {
    if (kind == null || NotificationKind.fromConfigName(kind).isEmpty()) {
      throw new IllegalArgumentException(
          "kind must be one of " + NotificationKind.names() + ", got " + kind);
    }
    if (pipeline == null || pipeline.isBlank()) {
      throw new IllegalArgumentException("pipeline is empty");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is empty");
    }
    message = message == null ? "" : message;
    Map<String, String> kept = new LinkedHashMap<>();
    if (details != null) {
      details.forEach(
          (key, value) -> {
            if (key != null && value != null) {
              kept.put(key, value);
            }
          });
    }
    details = Collections.unmodifiableMap(kept);
  }

  /** An event from worker code (a budget, a breaker): no workflow of its own. */
  public static NotificationEvent of(
      NotificationKind kind,
      String pipeline,
      String title,
      String message,
      Map<String, String> details,
      long occurredAtMillis) {
    return new NotificationEvent(
        kind.configName(), pipeline, null, null, title, message, details, occurredAtMillis);
  }

  /** The kind as an enum. */
  public NotificationKind notificationKind() {
    return NotificationKind.fromConfigName(kind).orElseThrow();
  }
}
