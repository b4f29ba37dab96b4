package io.trawl.workflows.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLifecycleResultTest {
  private static final Instant AS_OF = Instant.parse("2026-11-25T01:00:00Z");

  @Test
  void summaryReadsLikeTheOriginalAndNamesEverySearch() {
    JobLifecycleResult result =
        JobLifecycleResult.of(
            new JobLifecycleRequest(14, false),
            new Retirement(
                AS_OF,
                AS_OF.minusSeconds(14 * 86_400),
                12,
                List.of(new RetiredGroup("Data Engineer", "Netherlands", 12)),
                List.of(
                    new SkippedGroup(
                        "ML Engineer",
                        "Germany",
                        3,
                        null,
                        "this search never completed a scrape"))),
            new InactiveSummary(130, 40, 15));

    assertThat(result.summary())
        .isEqualToNormalizingNewlines(
            """
            Marked 12 jobs as inactive (threshold 14 days)
              Total active: 130
              Total inactive: 40
              Last 7 days: 15
              Retired 12 of Data Engineer in Netherlands
              Kept 3 stale jobs of ML Engineer in Germany active: this search never completed a scrape\
            """);
    assertThat(result.originalSummary())
        .containsExactly(
            java.util.Map.entry("total_active", 130L),
            java.util.Map.entry("total_inactive", 40L),
            java.util.Map.entry("inactive_last_7_days", 15L),
            java.util.Map.entry("marked_now", 12L));
  }

  @Test
  void aDryRunSaysNothingChanged() {
    JobLifecycleResult result =
        JobLifecycleResult.of(
            new JobLifecycleRequest(null, true),
            new Retirement(AS_OF, AS_OF, 2, List.of(), List.of()),
            new InactiveSummary(1, 0, 0));

    assertThat(result.thresholdDays()).isEqualTo(14);
    assertThat(result.summary())
        .startsWith("Would mark 2 jobs as inactive (threshold 14 days, dry run: nothing changed)");
  }

  @Test
  void refusesAThresholdBelowOneDay() {
    assertThatThrownBy(() -> new JobLifecycleRequest(0, false))
        .hasMessage("threshold days must be 1 or more, got 0");
  }
}
