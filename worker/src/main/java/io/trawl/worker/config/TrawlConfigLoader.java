package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads trawl.yaml into {@link TrawlConfig}. Every value has a default, unknown keys are errors (a
 * typo would otherwise be silently ignored), and every error names the file and the key.
 */
public final class TrawlConfigLoader {
  /** Shipped inside the jar so a fresh clone works without writing a config first. */
  public static final String BUILT_IN = "trawl-demo.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "jobs",
          "etl",
          "pharmacy",
          "market",
          "schedules",
          "budgets",
          "breakers",
          "providers",
          "notifications",
          "retention");
  private static final Set<String> JOBS_KEYS =
      Set.of("queries", "poll_deadline", "min_interval_hours");

  private TrawlConfigLoader() {}

  /**
   * Resolves the configuration: an explicit path (from --config), else {@code TRAWL_CONFIG}, else
   * ./trawl.yaml when present, else the built-in demo configuration.
   */
  public static TrawlConfig resolve(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return load(explicit);
    }
    String fromEnv = env.get("TRAWL_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return load(Path.of(fromEnv));
    }
    Path local = Path.of("trawl.yaml");
    if (Files.isRegularFile(local)) {
      return load(local);
    }
    return loadBuiltIn();
  }

  public static TrawlConfig load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(path + ": no such file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return parse(path.toString(), in);
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  public static TrawlConfig loadBuiltIn() {
    try (InputStream in = TrawlConfigLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        return TrawlConfig.defaults("built-in defaults");
      }
      return parse("built-in demo configuration", in);
    } catch (IOException e) {
      throw new ConfigException("built-in demo configuration cannot be read", e);
    }
  }

  static TrawlConfig parse(String source, InputStream in) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(source + ": not valid YAML (" + firstLine(e.getMessage()) + ")", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return TrawlConfig.defaults(source);
    }
    if (!root.isObject()) {
      throw new ConfigException(source + ": the top level must be a mapping of sections");
    }
    refuseNul(source, "", root);
    UnknownKeys.reject(source, "", root, TOP_LEVEL_KEYS);
    return new TrawlConfig(source, jobs(source, root.path("jobs")), root);
  }

  private static JobsConfig jobs(String source, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return JobsConfig.DEFAULTS;
    }
    UnknownKeys.reject(source, "jobs.", node, JOBS_KEYS);
    List<JobSearch> queries = new ArrayList<>();
    JsonNode list = node.path("queries");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new ConfigException(source + ": jobs.queries must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String key = "jobs.queries[" + i + "]";
      JsonNode entry = list.get(i);
      queries.add(
          new JobSearch(
              text(source, key + ".query", entry), text(source, key + ".location", entry)));
    }
    Duration deadline = JobsConfig.DEFAULTS.pollDeadline();
    if (node.hasNonNull("poll_deadline")) {
      deadline = duration(source, "jobs.poll_deadline", node.get("poll_deadline").asText());
    }
    int minInterval = JobsConfig.DEFAULTS.minIntervalHours();
    if (node.has("min_interval_hours")) {
      JsonNode value = node.get("min_interval_hours");
      if (!value.canConvertToInt() || value.asInt() < 0) {
        throw new ConfigException(
            source + ": jobs.min_interval_hours must be a whole number >= 0, got " + value);
      }
      minInterval = value.asInt();
    }
    return new JobsConfig(List.copyOf(queries), deadline, minInterval);
  }

  private static String text(String source, String key, JsonNode parent) {
    String field = key.substring(key.lastIndexOf('.') + 1);
    JsonNode value = parent == null ? null : parent.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new ConfigException(source + ": " + key + " is empty");
    }
    return value.asText().strip();
  }

  /** Accepts "2h", "90m", "30s", "1d" or an ISO-8601 duration such as "PT2H". */
  public static Duration duration(String source, String key, String text) {
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      // An ISO-8601 duration such as PT-1S is checked for sign like the short forms.
      Duration parsed =
          value.startsWith("p")
              ? Duration.parse(value.toUpperCase(java.util.Locale.ROOT))
              : shortDuration(value);
      if (parsed.isNegative() || parsed.isZero()) {
        throw new ConfigException(source + ": " + key + " must be positive, got \"" + text + "\"");
      }
      return parsed;
    } catch (NumberFormatException
        | DateTimeParseException
        | StringIndexOutOfBoundsException
        | ArithmeticException e) {
      throw new ConfigException(
          source + ": " + key + " is not a duration (use 30s, 10m, 2h, 1d), got \"" + text + "\"");
    }
  }

  private static Duration shortDuration(String value) {
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new NumberFormatException();
    };
  }

  /**
   * A NUL ("\0" in a YAML string) can reach no query, location or id: PostgreSQL text refuses it,
   * halfway through a run. Refused here, naming the key.
   */
  private static void refuseNul(String source, String path, JsonNode node) {
    if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
      throw new ConfigException(source + ": " + path + " contains a NUL character");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNul(source, path + "[" + i + "]", node.get(i));
      }
    }
    for (var field : node.properties()) {
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (field.getKey().indexOf('\0') >= 0) {
        throw new ConfigException(
            source
                + ": a key under "
                + (path.isEmpty() ? "the top level" : path)
                + " contains a NUL character");
      }
      refuseNul(source, key, field.getValue());
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
