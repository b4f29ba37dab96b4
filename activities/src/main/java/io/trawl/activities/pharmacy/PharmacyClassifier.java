package io.trawl.activities.pharmacy;

import io.trawl.activities.providers.apify.ApifyPlace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The original's rule-based classification, plus the category rule it lacked.
 *
 * <p>Order: a place with categories but none of them a pharmacy category is {@code not_pharmacy};
 * then a chain keyword (whole word, any case) makes a chain at 1.0, which wins over compounding;
 * then a hospital or health-system term makes a hospital; then "compounding" makes a compounding
 * independent at 0.95; anything else is independent at 0.5. Compounding and veterinary are flags
 * that ride along with whichever label decided.
 */
public final class PharmacyClassifier {
  private static final double CHAIN_CONFIDENCE = 1.0;
  private static final double HOSPITAL_CONFIDENCE = 0.9;
  private static final double COMPOUNDING_CONFIDENCE = 0.95;
  private static final double DEFAULT_CONFIDENCE = 0.5;
  private static final double CATEGORY_CONFIDENCE = 0.9;
  // Without any category the name is all there is; the original kept names with these words.
  private static final Pattern PHARMACY_WORDS =
      Pattern.compile("(?i)pharmacy|pharmacie|drug ?store|apothecary|chemist|\\brx\\b");
  private static final Pattern COMPOUNDING = Pattern.compile("(?i)\\bcompounding\\b");

  private final List<Term> chains;
  private final List<Term> hospitalTerms;
  private final List<Term> veterinaryTerms;
  private final List<String> pharmacyCategories;

  public PharmacyClassifier(ClassificationRules rules) {
    this.chains = terms(rules.chains());
    this.hospitalTerms = terms(rules.hospitalTerms());
    this.veterinaryTerms = terms(rules.veterinaryTerms());
    this.pharmacyCategories =
        rules.pharmacyCategories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
  }

  public Classification classify(ApifyPlace place) {
    String name = place.title();
    List<String> categories = place.allCategories();
    boolean veterinary =
        categories.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("veterinary"))
            || firstMatch(veterinaryTerms, name).isPresent();
    boolean compounding =
        COMPOUNDING.matcher(name).find()
            || categories.stream().anyMatch(c -> COMPOUNDING.matcher(c).find());

    Optional<Classification> notPharmacy = notPharmacy(name, categories, compounding, veterinary);
    if (notPharmacy.isPresent()) {
      return notPharmacy.get();
    }
    Optional<String> chain = firstMatch(chains, name);
    if (chain.isPresent()) {
      return rule(
          Classification.CHAIN,
          true,
          compounding,
          veterinary,
          CHAIN_CONFIDENCE,
          "Matched chain keyword: " + chain.get());
    }
    Optional<String> hospital = veterinary ? Optional.empty() : firstMatch(hospitalTerms, name);
    if (hospital.isPresent()) {
      return rule(
          Classification.HOSPITAL,
          false,
          compounding,
          false,
          HOSPITAL_CONFIDENCE,
          "Matched hospital term: " + hospital.get());
    }
    if (compounding) {
      return rule(
          Classification.INDEPENDENT,
          false,
          true,
          veterinary,
          COMPOUNDING_CONFIDENCE,
          "Compounding pharmacy");
    }
    return rule(
        Classification.INDEPENDENT,
        false,
        false,
        veterinary,
        DEFAULT_CONFIDENCE,
        "No chain identifiers found");
  }

  private Optional<Classification> notPharmacy(
      String name, List<String> categories, boolean compounding, boolean veterinary) {
    if (categories.isEmpty()) {
      if (PHARMACY_WORDS.matcher(name).find()) {
        return Optional.empty();
      }
      return Optional.of(
          rule(
              Classification.NOT_PHARMACY,
              false,
              compounding,
              veterinary,
              0.6,
              "No category and no pharmacy word in the name"));
    }
    boolean pharmacy =
        categories.stream()
            .map(c -> c.toLowerCase(Locale.ROOT))
            .anyMatch(c -> pharmacyCategories.stream().anyMatch(c::equals));
    if (pharmacy) {
      return Optional.empty();
    }
    return Optional.of(
        rule(
            Classification.NOT_PHARMACY,
            false,
            compounding,
            veterinary,
            CATEGORY_CONFIDENCE,
            "No pharmacy category in " + categories));
  }

  private static Classification rule(
      String label,
      boolean chain,
      boolean compounding,
      boolean veterinary,
      double confidence,
      String why) {
    return new Classification(
        label, chain, compounding, veterinary, confidence, why, Classification.RULES);
  }

  private static Optional<String> firstMatch(List<Term> terms, String text) {
    for (Term term : terms) {
      if (term.pattern().matcher(text).find()) {
        return Optional.of(term.word());
      }
    }
    return Optional.empty();
  }

  private static List<Term> terms(List<String> words) {
    List<Term> terms = new ArrayList<>();
    for (String word : words) {
      // Whole word: no letter or digit on either side, so "Target" never matches "Targeted" and
      // "H-E-B" or "Stop & Shop" match as written.
      Pattern pattern =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      terms.add(new Term(word, pattern));
    }
    return List.copyOf(terms);
  }

  private record Term(String word, Pattern pattern) {}
}
