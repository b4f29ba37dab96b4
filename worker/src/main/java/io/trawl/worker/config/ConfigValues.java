package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed reads of one mapping in trawl.yaml, each error naming the file and the full key, e.g.
 * {@code trawl.yaml: pharmacy.max_places must be a whole number within 1..5000, got "lots"}.
 *
 * @param prefix the mapping's key, e.g. {@code pharmacy}
 */
record ConfigValues(String file, String prefix, JsonNode node) {

  /** The mapping at {@code key} of {@code parent}, checked for unknown keys; missing is empty. */
  static ConfigValues of(String file, String prefix, JsonNode node, Set<String> known) {
    if (!node.isMissingNode() && !node.isNull()) {
      if (!node.isObject()) {
        throw new ConfigException(file + ": " + prefix + " must be a mapping");
      }
      UnknownKeys.reject(file, prefix + ".", node, known);
    }
    return new ConfigValues(file, prefix, node);
  }

  boolean has(String field) {
    return node.hasNonNull(field);
  }

  String key(String field) {
    return prefix + "." + field;
  }

  ConfigValues child(String field, Set<String> known) {
    return of(file, key(field), node.path(field), known);
  }

  String text(String field, String fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new ConfigException(file + ": " + key(field) + " is empty");
    }
    return value.asText().strip();
  }

  boolean flag(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new ConfigException(file + ": " + key(field) + " must be true or false, got " + value);
    }
    return value.booleanValue();
  }

  int whole(String field, int fallback, int min, int max) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.asInt() < min
        || value.asInt() > max) {
      throw new ConfigException(
          file
              + ": "
              + key(field)
              + " must be a whole number within "
              + min
              + ".."
              + max
              + ", got "
              + value);
    }
    return value.asInt();
  }

  double fraction(String field, double fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw new ConfigException(
          file + ": " + key(field) + " must be a number within 0..1, got " + value);
    }
    return value.asDouble();
  }

  BigDecimal money(String field, BigDecimal fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = node.get(field);
    try {
      BigDecimal amount = new BigDecimal(value.asText().strip());
      if (amount.signum() >= 0 && value.isValueNode()) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        file + ": " + key(field) + " must be a number >= 0 (US dollars), got " + value);
  }

  java.time.Duration duration(String field, java.time.Duration fallback) {
    if (!has(field)) {
      return fallback;
    }
    return TrawlConfigLoader.duration(file, key(field), node.get(field).asText());
  }

  /** A list of non-empty strings; a single string is a list of one. */
  List<String> strings(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode value = node.get(field);
    List<String> values = new ArrayList<>();
    if (value.isValueNode()) {
      values.add(value.asText().strip());
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isValueNode() || item.asText().isBlank()) {
          throw new ConfigException(file + ": " + key(field) + "[" + i + "] is empty");
        }
        values.add(item.asText().strip());
      }
    } else {
      throw new ConfigException(file + ": " + key(field) + " must be a list of strings");
    }
    return values;
  }
}
