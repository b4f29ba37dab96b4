package io.trawl.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateStrategyTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /** The original's cases: age of the last completed run (null = none) and a manual override. */
  @ParameterizedTest(name = "last run {0} ago, override {1} -> {2} ({3} days)")
  @CsvSource(
      nullValues = "none",
      value = {
        // no previous run
        "none,      none, PAST_MONTH,    30",
        // automatic, by age of the last completed run
        "PT0S,      none, PAST_24_HOURS, 1",
        "PT1H,      none, PAST_24_HOURS, 1",
        "PT23H59M,  none, PAST_24_HOURS, 1",
        "PT24H,     none, PAST_24_HOURS, 1",
        "PT24H1M,   none, PAST_WEEK,     7",
        "P3D,       none, PAST_WEEK,     7",
        "P7D,       none, PAST_WEEK,     7",
        "P7DT1M,    none, PAST_MONTH,    30",
        "P14D,      none, PAST_MONTH,    30",
        "P90D,      none, PAST_MONTH,    30",
        // manual override wins over history
        "none,      1,    PAST_24_HOURS, 1",
        "PT1H,      3,    PAST_WEEK,     3",
        "none,      7,    PAST_WEEK,     7",
        "P1D,       8,    PAST_MONTH,    8",
        "none,      30,   PAST_MONTH,    30",
        "P2D,       31,   ANY_TIME,      31",
        "none,      365,  ANY_TIME,      365",
      })
  void choosesTheNarrowestRangeCoveringTheGap(
      String age, Integer override, DateRange expected, int expectedDays) {
    Instant lastCompleted = age == null ? null : NOW.minus(Duration.parse(age));

    DateRangeChoice choice = DateStrategy.choose(lastCompleted, NOW, override);

    assertThat(choice.range()).isEqualTo(expected);
    assertThat(choice.lookbackDays()).isEqualTo(expectedDays);
    assertThat(choice.reason()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({"1, Past 24 hours", "2, Past week", "7, Past week", "8, Past month", "30, Past month",
    "31, Any time"})
  void mapsLookbackDaysToProviderLabels(int days, String label) {
    assertThat(DateStrategy.mapLookback(days).providerLabel()).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({"0", "-1"})
  void refusesLookbackBelowOneDay(int days) {
    assertThatThrownBy(() -> DateStrategy.mapLookback(days))
        .hasMessageContaining("lookback days must be 1 or more, got " + days);
  }

  @ParameterizedTest
  @CsvSource({"PT3H, last completed run 3h 0m ago", "P2DT5H, last completed run 2d 5h ago"})
  void explainsTheChoiceWithTheAgeOfTheLastRun(String age, String reasonStart) {
    DateRangeChoice choice = DateStrategy.choose(NOW.minus(Duration.parse(age)), NOW, null);
    assertThat(choice.reason()).startsWith(reasonStart);
  }
}
