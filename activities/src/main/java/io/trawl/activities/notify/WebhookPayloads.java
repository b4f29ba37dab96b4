package io.trawl.activities.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationKind;
import java.time.Instant;
import java.util.stream.Collectors;

/** Renders an event as the body a target's {@link WebhookFormat} expects. */
public final class WebhookPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String render(WebhookFormat format, NotificationEvent event) {
    return switch (format) {
      case JSON -> json(event);
      case SLACK -> slack(event);
    };
  }

  /** The event as one JSON object with snake_case keys; {@code occurred_at} is ISO-8601 UTC. */
  public String json(NotificationEvent event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", event.kind());
    body.put("pipeline", event.pipeline());
    body.put("workflow_id", event.workflowId());
    body.put("run_id", event.runId());
    body.put("title", event.title());
    body.put("message", event.message());
    ObjectNode details = body.putObject("details");
    event.details().forEach(details::put);
    body.put("occurred_at", Instant.ofEpochMilli(event.occurredAtMillis()).toString());
    return body.toString();
  }

  /**
   * {@code {"text": …}} with up to three lines: what happened and to what, the details, the
   * workflow. Slack reads {@code &}, {@code <} and {@code >} as markup, so they are escaped.
   */
  public String slack(NotificationEvent event) {
    NotificationKind kind = event.notificationKind();
    StringBuilder text =
        new StringBuilder()
            .append(emoji(kind))
            .append(" trawl ")
            .append(event.pipeline())
            .append(' ')
            .append(kind.label())
            .append(" — ")
            .append(event.title());
    if (!event.message().isBlank()) {
      text.append(": ").append(event.message());
    }
    if (!event.details().isEmpty()) {
      text.append('\n')
          .append(
              event.details().entrySet().stream()
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .collect(Collectors.joining(" · ")));
    }
    if (event.workflowId() != null) {
      text.append("\nworkflow ").append(event.workflowId());
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("text", escape(text.toString()));
    return body.toString();
  }

  private static String emoji(NotificationKind kind) {
    return switch (kind) {
      case RUN_FAILED -> ":rotating_light:";
      case FILE_QUARANTINED -> ":warning:";
      case BUDGET_WARNING -> ":moneybag:";
      case BREAKER_OPENED -> ":electric_plug:";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
