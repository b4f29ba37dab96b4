package io.trawl.activities.pharmacy;

import java.util.Objects;

/**
 * What classification decided about one place.
 *
 * @param label chain, independent, hospital or not_pharmacy
 * @param rule the rule that decided, e.g. "Matched chain keyword: CVS"
 * @param source {@value #RULES} or {@value #LLM} (a cached LLM answer is still the LLM's)
 */
public record Classification(
    String label,
    boolean chain,
    boolean compounding,
    boolean veterinary,
    double confidence,
    String rule,
    String source) {
  public static final String CHAIN = "chain";
  public static final String INDEPENDENT = "independent";
  public static final String HOSPITAL = "hospital";
  public static final String NOT_PHARMACY = "not_pharmacy";

  public static final String RULES = "rules";
  public static final String LLM = "llm";

  public Classification {
    Objects.requireNonNull(label, "label");
    if (!label.equals(CHAIN)
        && !label.equals(INDEPENDENT)
        && !label.equals(HOSPITAL)
        && !label.equals(NOT_PHARMACY)) {
      throw new IllegalArgumentException("unknown classification label: " + label);
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
  }
}
