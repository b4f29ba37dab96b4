package io.trawl.activities.providers.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads the classification out of a reply's content. Chat models wrap JSON in a Markdown fence or a
 * sentence now and then, so the parser takes the outermost {@code {…}}; anything else is a {@code
 * ValidationFailed} whose detail says which check refused it, and the caller keeps the rule answer.
 */
final class LlmReplyParser {
  /** Detail of a reply whose content holds no JSON object. */
  static final String NOT_JSON = "llm-reply-not-json";

  /** Detail of a reply whose JSON lacks a key or has a value out of range. */
  static final String BAD_ANSWER = "llm-reply-invalid";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmReplyParser() {}

  static LlmClassification parse(String content) {
    int start = content == null ? -1 : content.indexOf('{');
    int end = content == null ? -1 : content.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw invalid("is not JSON: " + ProviderText.excerpt(content), NOT_JSON);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(content.substring(start, end + 1));
    } catch (IOException e) {
      throw invalid("is not JSON: " + ProviderText.excerpt(content), NOT_JSON);
    }
    String label = required(answer, "classification").asText().strip().toLowerCase(Locale.ROOT);
    JsonNode compounding = required(answer, "is_compounding");
    JsonNode confidence = required(answer, "confidence");
    if (!LlmClassification.LABELS.contains(label)) {
      throw invalid(
          "has classification \"" + label + "\", not one of " + LlmClassification.LABELS,
          BAD_ANSWER);
    }
    double value = confidence.isNumber() ? confidence.asDouble() : parseDouble(confidence.asText());
    if (!(value >= 0 && value <= 1)) {
      throw invalid("has confidence " + confidence + ", not within 0..1", BAD_ANSWER);
    }
    boolean isCompounding =
        compounding.isBoolean()
            ? compounding.asBoolean()
            : compounding.asText().strip().equalsIgnoreCase("true");
    JsonNode explanation = answer.get("explanation");
    return new LlmClassification(
        label,
        isCompounding,
        value,
        explanation == null || explanation.isNull() ? null : explanation.asText());
  }

  private static JsonNode required(JsonNode answer, String key) {
    JsonNode value = answer.get(key);
    if (value == null || value.isNull()) {
      throw invalid("lacks the key \"" + key + "\"", BAD_ANSWER);
    }
    return value;
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static ApplicationFailure invalid(String problem, String check) {
    return Failures.validationFailed("LLM reply " + problem, check);
  }
}
