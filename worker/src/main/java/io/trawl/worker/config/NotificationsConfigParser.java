package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.EnvReferences;
import io.trawl.activities.notify.WebhookFormat;
import io.trawl.activities.notify.WebhookTarget;
import io.trawl.workflows.notify.NotificationKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code notifications:} in trawl.yaml. Every error names the file and the key with its list
 * index, e.g. {@code trawl.yaml: notifications[0].events: unknown event "run_fail" (known: …)}.
 *
 * <p>A URL is a secret, so no error quotes it: a bad one is described by its scheme at most.
 */
public final class NotificationsConfigParser {
  private static final Set<String> TARGET_KEYS = Set.of("name", "url", "format", "events");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern ENV_LIKE = Pattern.compile("\\$\\{env:.*}");

  private final String file;

  private NotificationsConfigParser(String file) {
    this.file = file;
  }

  /** A {@link TrawlConfig.SectionParser}: a missing section means no targets. */
  public static NotificationsConfig parse(String file, JsonNode section) {
    return new NotificationsConfigParser(file).section(section);
  }

  private NotificationsConfig section(JsonNode section) {
    if (section.isMissingNode() || section.isNull()) {
      return NotificationsConfig.NONE;
    }
    if (!section.isArray()) {
      throw error("notifications must be a list of targets with name, url, format and events");
    }
    List<WebhookTarget> targets = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < section.size(); i++) {
      String key = "notifications[" + i + "]";
      WebhookTarget target = target(key, section.get(i));
      String earlier = names.putIfAbsent(target.name(), key);
      if (earlier != null) {
        throw error(key + ".name: \"" + target.name() + "\" is already used by " + earlier);
      }
      targets.add(target);
    }
    return new NotificationsConfig(targets);
  }

  private WebhookTarget target(String key, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw error(key + " must be a mapping with name, url, format and events");
    }
    UnknownKeys.reject(file, key + ".", node, TARGET_KEYS);
    String name = text(node, "name");
    if (name == null) {
      throw error(key + ".name is empty");
    }
    if (!NAME.matcher(name).matches()) {
      throw error(
          key
              + ".name must be letters, digits, '.', '_' or '-' (at most 100), got \""
              + name
              + "\"");
    }
    return new WebhookTarget(name, url(key, node), format(key, node), events(key, node));
  }

  private String url(String key, JsonNode node) {
    String url = text(node, "url");
    if (url == null) {
      throw error(key + ".url is empty (an http(s) URL or ${env:NAME})");
    }
    if (ENV_LIKE.matcher(url).matches()) {
      if (!EnvReferences.PATTERN.matcher(url).matches()) {
        throw error(key + ".url: " + url + " is not a valid ${env:NAME} reference");
      }
      return url;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://")) || lower.contains(" ")) {
      int colon = url.indexOf(':');
      String seen =
          colon > 0 && colon < 20 ? "a " + url.substring(0, colon) + ": URL" : "something else";
      throw error(key + ".url must be an http(s) URL or ${env:NAME}, got " + seen);
    }
    return url;
  }

  private WebhookFormat format(String key, JsonNode node) {
    String name = text(node, "format");
    if (name == null) {
      return WebhookFormat.JSON;
    }
    return WebhookFormat.fromConfigName(name.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                error(
                    key
                        + ".format: unknown format \""
                        + name
                        + "\" (known: "
                        + String.join(", ", WebhookFormat.names())
                        + ")"));
  }

  private Set<NotificationKind> events(String key, JsonNode node) {
    JsonNode list = node.get("events");
    if (list == null || list.isNull()) {
      return EnumSet.allOf(NotificationKind.class);
    }
    if (!list.isArray() || list.isEmpty()) {
      throw error(key + ".events must be a non-empty list of " + NotificationKind.names());
    }
    Set<NotificationKind> events = EnumSet.noneOf(NotificationKind.class);
    for (JsonNode entry : list) {
      String name = entry.isValueNode() ? entry.asText().strip() : entry.toString();
      events.add(
          NotificationKind.fromConfigName(name)
              .orElseThrow(
                  () ->
                      error(
                          key
                              + ".events: unknown event \""
                              + name
                              + "\" (known: "
                              + String.join(", ", NotificationKind.names())
                              + ")")));
    }
    return events;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      return null;
    }
    return value.asText().strip();
  }

  private ConfigException error(String message) {
    return new ConfigException(file + ": " + message);
  }
}
