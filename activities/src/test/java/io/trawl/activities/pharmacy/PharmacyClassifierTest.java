package io.trawl.activities.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PharmacyClassifierTest {
  private final PharmacyClassifier classifier =
      new PharmacyClassifier(ClassificationRules.DEFAULTS);

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CVS Pharmacy                     | Pharmacy            | chain        | false | false | 1.0  | Matched chain keyword: CVS
          walgreens                        | Pharmacy            | chain        | false | false | 1.0  | Matched chain keyword: Walgreens
          H-E-B Pharmacy                   | Pharmacy            | chain        | false | false | 1.0  | Matched chain keyword: H-E-B
          Stop & Shop Pharmacy             | Pharmacy            | chain        | false | false | 1.0  | Matched chain keyword: Stop & Shop
          Sam's Club Pharmacy              | Pharmacy            | chain        | false | false | 1.0  | Matched chain keyword: Sam's Club
          Compounding CVS                  | Compounding pharmacy| chain        | true  | false | 1.0  | Matched chain keyword: CVS
          Targeted Care Pharmacy           | Pharmacy            | independent  | false | false | 0.5  | No chain identifiers found
          Giantess Drugs                   | Drug store          | independent  | false | false | 0.5  | No chain identifiers found
          Kaiser Permanente Pharmacy       | Pharmacy            | hospital     | false | false | 0.9  | Matched hospital term: Kaiser
          UCSF Medical Center Pharmacy     | Pharmacy            | hospital     | false | false | 0.9  | Matched hospital term: Medical Center
          VA Outpatient Pharmacy           | Pharmacy            | hospital     | false | false | 0.9  | Matched hospital term: VA
          Nova Pharmacy                    | Pharmacy            | independent  | false | false | 0.5  | No chain identifiers found
          Pacific Compounding Pharmacy     | Compounding pharmacy| independent  | true  | false | 0.95 | Compounding pharmacy
          Mission Wellness Pharmacy        | Pharmacy            | independent  | false | false | 0.5  | No chain identifiers found
          Bay Veterinary Pharmacy          | Veterinary pharmacy | independent  | false | true  | 0.5  | No chain identifiers found
          Walmart Supercenter              | Department store    | not_pharmacy | false | false | 0.9  | No pharmacy category in [Department store]
          Mission Family Clinic            | Medical clinic      | not_pharmacy | false | false | 0.9  | No pharmacy category in [Medical clinic]
          """)
  void classifiesByTheOriginalRulesPlusCategories(
      String name,
      String category,
      String label,
      boolean compounding,
      boolean veterinary,
      double confidence,
      String rule) {
    Classification c = classifier.classify(Places.place(name, category));

    assertThat(c.label()).isEqualTo(label);
    assertThat(c.chain()).isEqualTo(label.equals("chain"));
    assertThat(c.compounding()).isEqualTo(compounding);
    assertThat(c.veterinary()).isEqualTo(veterinary);
    assertThat(c.confidence()).isEqualTo(confidence);
    assertThat(c.rule()).isEqualTo(rule);
    assertThat(c.source()).isEqualTo("rules");
  }

  @Test
  void aPharmacyCategoryAnywhereInTheListKeepsThePlace() {
    Classification c =
        classifier.classify(
            Places.place("Target", "Department store", "Department store", "Pharmacy"));

    assertThat(c.label()).isEqualTo("chain");
  }

  @Test
  void withoutCategoriesTheNameDecidesWhetherItIsAPharmacy() {
    assertThat(classifier.classify(Places.place("Corner Drugstore", null)).label())
        .isEqualTo("independent");
    assertThat(classifier.classify(Places.place("Golden Gate Bakery", null)).label())
        .isEqualTo("not_pharmacy");
  }

  @Test
  void userListsFromTrawlYamlExtendTheDefaults() {
    PharmacyClassifier extended =
        new PharmacyClassifier(
            ClassificationRules.DEFAULTS.extendedWith(
                List.of("Bi-Mart", "cvs"), List.of("Sutter Health"), List.of("Herbalist"), null));

    assertThat(extended.classify(Places.place("Bi-Mart Pharmacy", "Pharmacy")).label())
        .isEqualTo("chain");
    assertThat(extended.classify(Places.place("Sutter Health Pharmacy", "Pharmacy")).label())
        .isEqualTo("hospital");
    assertThat(extended.classify(Places.place("Green Herbs", "Herbalist")).label())
        .isEqualTo("independent");
    assertThat(
            ClassificationRules.DEFAULTS
                .extendedWith(List.of("cvs"), null, null, null)
                .chains()
                .stream()
                .filter(c -> c.equalsIgnoreCase("cvs")))
        .hasSize(1);
  }
}
