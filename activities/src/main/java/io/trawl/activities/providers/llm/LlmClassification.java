package io.trawl.activities.providers.llm;

import java.util.Set;

/**
 * The model's answer for one place (PROVIDERS.md §7).
 *
 * @param classification independent, chain, hospital or not_a_pharmacy
 * @param isCompounding whether the place compounds
 * @param confidence 0..1, as the model rates itself
 * @param explanation the model's reason, null when it gave none
 */
public record LlmClassification(
    String classification, boolean isCompounding, double confidence, String explanation) {
  public static final Set<String> LABELS =
      Set.of("independent", "chain", "hospital", "not_a_pharmacy");

  public LlmClassification {
    if (!LABELS.contains(classification)) {
      throw new IllegalArgumentException(
          "classification must be one of " + LABELS + ", got " + classification);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
  }
}
