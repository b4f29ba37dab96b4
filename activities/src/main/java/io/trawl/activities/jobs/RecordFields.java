package io.trawl.activities.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Typed reads of one provider record's fields. A field of the wrong shape stops the parse with a
 * {@link MalformedRecordException} whose message names the field and quotes the value seen.
 */
final class RecordFields {
  // Compiled once: String.matches compiles its pattern on every call, once per record here.
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

  private static final int QUOTE_LIMIT = 60;
  private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);

  /**
   * The longest amount text parsed; an amount below {@link #MAX_AMOUNT} needs far fewer characters,
   * and BigDecimal takes quadratic time on a long run of digits (26 s for 1 MB).
   */
  private static final int MAX_AMOUNT_TEXT = 64;

  private final JsonNode record;
  private final String prefix;

  RecordFields(JsonNode record) {
    this(record, "");
  }

  private RecordFields(JsonNode record, String prefix) {
    this.record = record;
    this.prefix = prefix;
  }

  /** The nested object under {@code name}; an absent or null one reads as all fields absent. */
  RecordFields object(String name) {
    JsonNode node = record.get(name);
    if (isAbsent(node)) {
      return new RecordFields(MissingNode.getInstance(), prefix + name + ".");
    }
    if (!node.isObject()) {
      throw malformed(name, "is not an object");
    }
    return new RecordFields(node, prefix + name + ".");
  }

  /** Whitespace-collapsed text; null when absent, null or blank. Numbers and booleans as text. */
  String text(String name) {
    return JobNormalizer.collapse(raw(name));
  }

  /** Text with line breaks kept (see {@link JobNormalizer#paragraphs}). */
  String paragraphs(String name) {
    return JobNormalizer.paragraphs(raw(name));
  }

  String requiredText(String name) {
    String value = text(name);
    if (value == null) {
      throw malformed(name, "is missing");
    }
    return value;
  }

  /** An identifier: text, or an integral number written without exponent. */
  String id(String name) {
    JsonNode node = record.get(name);
    if (node != null && node.isNumber()) {
      if (!node.isIntegralNumber()) {
        throw malformed(name, quote(node.asText()) + " is not an id");
      }
      return node.bigIntegerValue().toString();
    }
    return text(name);
  }

  Integer wholeNumber(String name) {
    JsonNode node = record.get(name);
    if (isAbsent(node)) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    String value = node.isTextual() ? JobNormalizer.collapse(node.asText()) : null;
    if (node.isTextual() && value == null) {
      return null;
    }
    if (value != null && WHOLE_NUMBER.matcher(value).matches()) {
      return Integer.parseInt(value);
    }
    throw malformed(name, quote(node.toString()) + " is not a whole number");
  }

  /** A money amount in [0, 10^12): the range the jobs table's NUMERIC(14, 2) columns hold. */
  BigDecimal amount(String name) {
    JsonNode node = record.get(name);
    if (isAbsent(node)) {
      return null;
    }
    String value = node.isTextual() ? JobNormalizer.collapse(node.asText()) : null;
    if (node.isTextual() && value == null) {
      return null;
    }
    if (value != null && value.length() > MAX_AMOUNT_TEXT) {
      throw malformed(
          name, quote(node.toString()) + " is longer than " + MAX_AMOUNT_TEXT + " characters");
    }
    BigDecimal amount = null;
    try {
      if (node.isNumber()) {
        amount = node.decimalValue();
      } else if (value != null) {
        amount = new BigDecimal(value.replace(",", ""));
      }
    } catch (NumberFormatException notNumber) {
      // reported below with the field name
    }
    if (amount == null) {
      throw malformed(name, quote(node.toString()) + " is not a number");
    }
    if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
      throw malformed(name, quote(node.toString()) + " is out of range");
    }
    return amount;
  }

  /** An ISO date or date-time; null when absent or blank. */
  Instant isoDate(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    return PostedDates.parseIso(value)
        .orElseThrow(() -> malformed(name, quote(value) + " is not a date"));
  }

  private String raw(String name) {
    JsonNode node = record.get(name);
    if (isAbsent(node)) {
      return null;
    }
    if (node.isContainerNode()) {
      throw malformed(name, "is not text");
    }
    return node.asText();
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private MalformedRecordException malformed(String name, String problem) {
    return new MalformedRecordException(prefix + name + " " + problem);
  }

  private static String quote(String value) {
    String shown = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
    return shown.startsWith("\"") ? shown : "\"" + shown + "\"";
  }
}
