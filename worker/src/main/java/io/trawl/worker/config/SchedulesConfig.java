package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code schedules:} section of trawl.yaml: the Temporal Schedules {@code trawl schedule apply}
 * keeps the server equal to.
 *
 * <pre>{@code
 * schedules:
 *   - name: jobs-lifecycle
 *     workflow: jobs-lifecycle
 *     cron: "0 2 * * *"
 *     tz: Europe/Amsterdam
 *     args: {threshold_days: 14}
 * }</pre>
 *
 * <p>Parsed with {@code config.section("schedules", SchedulesConfig::parse)}. Shape errors (not a
 * list, unknown keys, a missing name, both or neither of {@code every} and {@code cron}, a name
 * used twice) are reported here with the file and key.
 *
 * @param source where the configuration came from
 * @param entries the declared schedules, in file order
 */
public record SchedulesConfig(String source, List<ScheduleEntry> entries) {
  private static final Set<String> KEYS =
      Set.of(
          "name", "workflow", "every", "cron", "tz", "jitter", "catchup_window", "args",
          "task_queue");

  public SchedulesConfig {
    entries = List.copyOf(entries);
  }

  /** A {@link TrawlConfig.SectionParser} for the top-level {@code schedules} list. */
  public static SchedulesConfig parse(String source, JsonNode section) {
    if (section.isMissingNode() || section.isNull()) {
      return new SchedulesConfig(source, List.of());
    }
    if (!section.isArray()) {
      throw new ConfigException(source + ": schedules must be a list");
    }
    List<ScheduleEntry> entries = new ArrayList<>();
    Map<String, String> keyByName = new HashMap<>();
    for (int i = 0; i < section.size(); i++) {
      String key = "schedules[" + i + "]";
      ScheduleEntry entry = entry(source, key, section.get(i));
      String earlier = keyByName.putIfAbsent(entry.name(), key);
      if (earlier != null) {
        throw new ConfigException(
            source
                + ": "
                + key
                + ".name \""
                + entry.name()
                + "\" is already used by "
                + earlier
                + "; schedule names must be unique");
      }
      entries.add(entry);
    }
    return new SchedulesConfig(source, entries);
  }

  private static ScheduleEntry entry(String source, String key, JsonNode node) {
    if (!node.isObject()) {
      throw new ConfigException(source + ": " + key + " must be a mapping with name, workflow, …");
    }
    UnknownKeys.reject(source, key + ".", node, KEYS);
    String every = scalar(source, key, node, "every");
    String cron = scalar(source, key, node, "cron");
    if ((every == null) == (cron == null)) {
      throw new ConfigException(
          source
              + ": "
              + key
              + " needs exactly one of every (e.g. 6h) or cron (e.g. \"0 2 * * *\")");
    }
    return new ScheduleEntry(
        key,
        required(source, key, node, "name"),
        required(source, key, node, "workflow"),
        every,
        cron,
        scalar(source, key, node, "tz"),
        scalar(source, key, node, "jitter"),
        scalar(source, key, node, "catchup_window"),
        args(source, key, node.path("args")),
        scalar(source, key, node, "task_queue"));
  }

  private static Map<String, String> args(String source, String key, JsonNode node) {
    Map<String, String> args = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return args;
    }
    if (!node.isObject()) {
      throw new ConfigException(source + ": " + key + ".args must be a mapping of name: value");
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new ConfigException(
            source + ": " + key + ".args." + field.getKey() + " must be a single value");
      }
      args.put(field.getKey(), field.getValue().asText());
    }
    return args;
  }

  private static String required(String source, String key, JsonNode node, String field) {
    String value = scalar(source, key, node, field);
    if (value == null) {
      throw new ConfigException(source + ": " + key + "." + field + " is empty");
    }
    return value;
  }

  /** The field's text, stripped; null when absent or blank. */
  private static String scalar(String source, String key, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new ConfigException(source + ": " + key + "." + field + " must be a single value");
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
