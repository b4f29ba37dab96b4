package io.trawl.activities.providers.unlocker;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers of a Bloomberg quote, which come both as JSON numbers ({@code -4.9}) and as
 * display strings ({@code "262.36"}, {@code "52,262,300.00"}, {@code "3.877T"}, {@code "0.40%"},
 * {@code "$1.2K"}, {@code "(1.50)"}). Anything unreadable is null, never an exception.
 */
final class BloombergNumbers {
  private static final Pattern NUMBER =
      Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?|\\.\\d+)([KMBT]?)", Pattern.CASE_INSENSITIVE);

  /** Commas only as US thousands separators: {@code 1.234,5} is not read as 1.2345. */
  private static final Pattern GROUPED = Pattern.compile("^\\D*\\d{1,3}(,\\d{3})+(\\.\\d+)?\\D*$");

  private BloombergNumbers() {}

  /** The field's value as a number, or null when absent, empty, {@code N/A} or unreadable. */
  static BigDecimal read(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.isTextual() ? parse(node.asText()) : null;
  }

  /** {@link #read(JsonNode)} for one text. */
  static BigDecimal parse(String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.strip().replace('\u2212', '-');
    boolean negative = false;
    if (text.startsWith("(") && text.endsWith(")")) {
      negative = true;
      text = text.substring(1, text.length() - 1);
    }
    if (text.contains(",") && !GROUPED.matcher(text).matches()) {
      return null;
    }
    // Currency signs and codes, separators, percent signs and blanks carry no value.
    text = text.replaceAll("[,\\s%$€£¥]", "").replaceAll("^(?i)(USD|EUR|GBP|GBp|JPY|HKD)", "");
    Matcher m = NUMBER.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(2)).multiply(scale(m.group(3)));
    if (m.group(1).equals("-") != negative) {
      value = value.negate();
    }
    return value;
  }

  private static BigDecimal scale(String suffix) {
    return switch (suffix.toUpperCase()) {
      case "K" -> BigDecimal.valueOf(1_000L);
      case "M" -> BigDecimal.valueOf(1_000_000L);
      case "B" -> BigDecimal.valueOf(1_000_000_000L);
      case "T" -> BigDecimal.valueOf(1_000_000_000_000L);
      default -> BigDecimal.ONE;
    };
  }
}
