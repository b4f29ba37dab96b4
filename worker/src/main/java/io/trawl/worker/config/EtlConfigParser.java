package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.etl.DataDirectory;
import io.trawl.activities.etl.SourceUrls;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code etl:} in trawl.yaml. Every error names the file, the key with its list index, the
 * source's id when it has one, and the value seen, e.g. {@code trawl.yaml: etl.sources[2].url
 * (source "cbs") must be http or https, got "ftp://…"}.
 */
public final class EtlConfigParser {
  private static final Set<String> SECTION_KEYS = Set.of("sources", "concurrency");
  private static final Set<String> SOURCE_KEYS =
      Set.of("id", "url", "format", "sha256", "max_bytes", "target", "headers");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final String file;

  private EtlConfigParser(String file) {
    this.file = file;
  }

  /** A {@link TrawlConfig.SectionParser}: a missing section is the defaults. */
  public static EtlConfig parse(String file, JsonNode section) {
    return new EtlConfigParser(file).section(section);
  }

  private EtlConfig section(JsonNode section) {
    if (section.isMissingNode() || section.isNull()) {
      return EtlConfig.DEFAULTS;
    }
    if (!section.isObject()) {
      throw error("etl must be a mapping with sources and concurrency");
    }
    UnknownKeys.reject(file, "etl.", section, SECTION_KEYS);
    int concurrency = EtlConfig.DEFAULTS.concurrency();
    if (section.has("concurrency")) {
      JsonNode value = section.get("concurrency");
      if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 64) {
        throw error("etl.concurrency must be a whole number from 1 to 64, got " + value);
      }
      concurrency = value.asInt();
    }
    JsonNode list = section.path("sources");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      throw error("etl.sources must be a list");
    }
    List<EtlSource> sources = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, String> targets = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      EtlSource source = source("etl.sources[" + i + "]", list.get(i));
      String key = "etl.sources[" + i + "]";
      String earlier = ids.putIfAbsent(source.id(), key);
      if (earlier != null) {
        throw error(key + ".id \"" + source.id() + "\" is already used by " + earlier);
      }
      String sameTarget = targets.putIfAbsent(source.target(), source.id());
      if (sameTarget != null) {
        throw error(
            key
                + ".target (source \""
                + source.id()
                + "\") \""
                + source.target()
                + "\" is already the target of source \""
                + sameTarget
                + "\"");
      }
      sources.add(source);
    }
    return new EtlConfig(sources, concurrency);
  }

  private EtlSource source(String key, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw error(key + " must be a mapping with id, url, format and target");
    }
    String id = text(node, "id");
    if (id == null) {
      throw error(key + ".id is empty");
    }
    if (!EtlSource.ID.matcher(id).matches()) {
      throw error(
          key + ".id must be letters, digits, '.', '_' or '-' (at most 100), got \"" + id + "\"");
    }
    String where = " (source \"" + id + "\")";
    UnknownKeys.reject(file, key + ".", node, SOURCE_KEYS, where);
    String url = required(node, key, "url", where);
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith(SourceUrls.SANDBOX_PREFIX))) {
      throw error(key + ".url" + where + " must be http or https, got \"" + url + "\"");
    }
    String formatName = required(node, key, "format", where);
    EtlFormat format =
        EtlFormat.fromConfigName(formatName)
            .orElseThrow(
                () ->
                    error(
                        key
                            + ".format"
                            + where
                            + " must be one of "
                            + EtlFormat.names()
                            + ", got \""
                            + formatName
                            + "\""));
    String sha256 = text(node, "sha256");
    if (sha256 != null && !SHA256.matcher(sha256).matches()) {
      throw error(key + ".sha256" + where + " must be 64 hex digits, got \"" + sha256 + "\"");
    }
    long maxBytes = EtlSource.DEFAULT_MAX_BYTES;
    if (node.hasNonNull("max_bytes")) {
      String raw = node.get("max_bytes").asText();
      maxBytes =
          ByteSize.parse(raw)
              .orElseThrow(
                  () ->
                      error(
                          key
                              + ".max_bytes"
                              + where
                              + " must be a positive size such as 500m or 10GiB, got \""
                              + raw
                              + "\""));
    }
    String target = required(node, key, "target", where);
    DataDirectory.problemWith(target)
        .ifPresent(
            problem -> {
              throw error(key + ".target" + where + " " + problem);
            });
    return new EtlSource(id, url, format, sha256, maxBytes, target, headers(node, key, where));
  }

  private Map<String, String> headers(JsonNode node, String key, String where) {
    JsonNode headers = node.path("headers");
    if (headers.isMissingNode() || headers.isNull()) {
      return Map.of();
    }
    if (!headers.isObject()) {
      throw error(key + ".headers" + where + " must be a mapping of header name to value");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw error(key + ".headers." + field.getKey() + where + " must be a text value");
      }
      result.put(field.getKey(), field.getValue().asText());
    }
    return result;
  }

  private String required(JsonNode node, String key, String field, String where) {
    String value = text(node, field);
    if (value == null) {
      throw error(key + "." + field + where + " is empty");
    }
    return value;
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
