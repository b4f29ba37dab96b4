package io.trawl.activities.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationScorerTest {
  private final VerificationScorer scorer =
      new VerificationScorer(VerificationScorer.DEFAULT_THRESHOLD);

  @ParameterizedTest(name = "{0} vs {1} at {2} m -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Mission Pharmacy | Mission Pharmacy | 0    | 1.0   | true
          Mission Pharmacy | mission pharmacy | 250  | 0.85  | true
          Mission Pharmacy | Mission Pharmacy | 600  | 0.7   | true
          Mission Pharmacy | Castro Dental    | 0    | 0.493 | false
          Mission Pharmacy | Castro Dental    | 900  | 0.193 | false
          """)
  void scoresNameAndDistanceAsTheOriginal(
      String name, String candidate, double metresNorth, double expected, boolean verified) {
    double lat = 37.76;
    double lng = -122.41;
    double candidateLat = lat + metresNorth / 111_195.0;
    VerificationScorer.Score score = scorer.score(name, lat, lng, candidate, candidateLat, lng);

    assertThat(score.confidence()).isCloseTo(expected, within(0.002));
    assertThat(score.verified()).isEqualTo(verified);
  }

  @Test
  void missingCoordinatesCountAsFullDistanceScore() {
    VerificationScorer.Score score = scorer.score("Bay Drugs", null, null, "Bay Drugs", 1.0, 2.0);

    assertThat(score.confidence()).isEqualTo(1.0);
  }

  @Test
  void similarityMatchesPythonDifflibRatio() {
    // difflib.SequenceMatcher(None, "walgreens", "walgreen's").ratio() == 0.9473684210526315
    assertThat(VerificationScorer.similarity("Walgreens", "Walgreen's"))
        .isCloseTo(0.94737, within(1e-4));
    // difflib ratio of "abcd" and "bcde" is 0.75
    assertThat(VerificationScorer.similarity("abcd", "bcde")).isEqualTo(0.75);
    assertThat(VerificationScorer.similarity("", "")).isEqualTo(1.0);
    assertThat(VerificationScorer.similarity("x", null)).isZero();
  }

  @Test
  void thresholdIsConfigurable() {
    VerificationScorer strict = new VerificationScorer(0.95);

    assertThat(strict.score("Mission Pharmacy", 1.0, 1.0, "Mission Pharmacy", 1.0, 1.0).verified())
        .isTrue();
    assertThat(
            strict.score("Mission Pharmacy", 1.0, 1.0, "Mission Pharmacy Inc", 1.0, 1.0).verified())
        .isFalse();
  }
}
