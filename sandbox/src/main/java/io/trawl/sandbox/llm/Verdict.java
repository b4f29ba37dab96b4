package io.trawl.sandbox.llm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the fake model answers for a place, decided from the prompt text alone so the same prompt
 * always gets the same answer. Rough on purpose: it is a stand-in, not a classifier to trust.
 *
 * @param classification independent, chain, hospital or not_a_pharmacy
 */
record Verdict(String classification, boolean compounding, double confidence) {
  private static final List<String> CHAINS =
      List.of(
          "cvs",
          "walgreens",
          "rite aid",
          "walmart",
          "costco",
          "kroger",
          "safeway",
          "albertsons",
          "publix",
          "target",
          "sam's club",
          "meijer",
          "h-e-b",
          "fred meyer",
          "hy-vee",
          "wegmans",
          "giant",
          "stop & shop");
  private static final List<String> HOSPITAL =
      List.of("hospital", "medical center", "kaiser", "health system", "anmc", "anthc");

  static Verdict of(String prompt) {
    String text = prompt.toLowerCase(Locale.ROOT);
    boolean compounding = text.contains("compounding");
    if (text.contains("veterinary")) {
      return new Verdict("not_a_pharmacy", false, 0.7);
    }
    if (!text.contains("pharmacy") && !text.contains("drug")) {
      return new Verdict("not_a_pharmacy", false, 0.85);
    }
    for (String chain : CHAINS) {
      if (Pattern.compile("\\b" + Pattern.quote(chain) + "\\b").matcher(text).find()) {
        return new Verdict("chain", compounding, 0.95);
      }
    }
    for (String term : HOSPITAL) {
      if (text.contains(term)) {
        return new Verdict("hospital", compounding, 0.9);
      }
    }
    return new Verdict("independent", compounding, compounding ? 0.9 : 0.85);
  }
}
