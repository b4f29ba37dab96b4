package io.trawl.activities.pharmacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The word lists rule-based classification decides by: the original's chain and hospital terms,
 * plus the Google Maps categories that make a place a pharmacy at all.
 *
 * <p>The defaults are data, not code: {@code pharmacy.classification} in {@code trawl.yaml} adds to
 * them ({@link #extendedWith}), so a regional chain needs no release.
 */
public record ClassificationRules(
    List<String> chains,
    List<String> hospitalTerms,
    List<String> pharmacyCategories,
    List<String> veterinaryTerms) {

  /** The original's chain keywords, matched as whole words, case-insensitively. */
  public static final List<String> DEFAULT_CHAINS =
      List.of(
          "CVS",
          "Walgreens",
          "Rite Aid",
          "Walmart",
          "Costco",
          "Kroger",
          "Safeway",
          "Albertsons",
          "Publix",
          "Target",
          "Sam's Club",
          "Meijer",
          "H-E-B",
          "Fred Meyer",
          "Hy-Vee",
          "Wegmans",
          "Giant",
          "Stop & Shop");

  /** Hospital and health-system terms; the original flagged these as chains, we label them. */
  public static final List<String> DEFAULT_HOSPITAL_TERMS =
      List.of(
          "Hospital", "Clinic", "VA", "Medical Center", "Health System", "Kaiser", "ANMC", "ANTHC");

  /** Google Maps categories that mean the place dispenses medicine. */
  public static final List<String> DEFAULT_PHARMACY_CATEGORIES =
      List.of(
          "Pharmacy",
          "Drug store",
          "Drugstore",
          "Compounding pharmacy",
          "Veterinary pharmacy",
          "Chemist",
          "Pharmaceutical company",
          "Medical supply store");

  public static final List<String> DEFAULT_VETERINARY_TERMS =
      List.of("Veterinary", "Vet", "Animal", "Pet");

  public static final ClassificationRules DEFAULTS =
      new ClassificationRules(
          DEFAULT_CHAINS,
          DEFAULT_HOSPITAL_TERMS,
          DEFAULT_PHARMACY_CATEGORIES,
          DEFAULT_VETERINARY_TERMS);

  public ClassificationRules {
    chains = List.copyOf(Objects.requireNonNull(chains, "chains"));
    hospitalTerms = List.copyOf(Objects.requireNonNull(hospitalTerms, "hospitalTerms"));
    pharmacyCategories =
        List.copyOf(Objects.requireNonNull(pharmacyCategories, "pharmacyCategories"));
    veterinaryTerms = List.copyOf(Objects.requireNonNull(veterinaryTerms, "veterinaryTerms"));
  }

  /** These rules plus the user's additions (duplicates, ignoring case, are dropped). */
  public ClassificationRules extendedWith(
      List<String> moreChains,
      List<String> moreHospitalTerms,
      List<String> moreCategories,
      List<String> moreVeterinaryTerms) {
    return new ClassificationRules(
        union(chains, moreChains),
        union(hospitalTerms, moreHospitalTerms),
        union(pharmacyCategories, moreCategories),
        union(veterinaryTerms, moreVeterinaryTerms));
  }

  private static List<String> union(List<String> base, List<String> extra) {
    List<String> all = new ArrayList<>(base);
    for (String term : extra == null ? List.<String>of() : extra) {
      String trimmed = term.trim();
      if (!trimmed.isEmpty() && all.stream().noneMatch(t -> t.equalsIgnoreCase(trimmed))) {
        all.add(trimmed);
      }
    }
    return all;
  }
}
