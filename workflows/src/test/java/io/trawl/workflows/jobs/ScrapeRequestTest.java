package io.trawl.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScrapeRequestTest {
  @Test
  void derivesTheSameWorkflowIdForTheSameSearch() {
    assertThat(ScrapeRequest.of("Data Engineer", "Netherlands").workflowId())
        .isEqualTo("jobs-scrape/data-engineer/netherlands")
        .isEqualTo(ScrapeRequest.of("  data engineer ", "NETHERLANDS").workflowId());
  }

  @Test
  void defaultsThePollDeadlineToTwoHours() {
    assertThat(ScrapeRequest.of("q", "l").pollDeadline()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesEmptyQueryAndLocation() {
    assertThatThrownBy(() -> ScrapeRequest.of(" ", "Netherlands")).hasMessage("query is empty");
    assertThatThrownBy(() -> ScrapeRequest.of("Data", "")).hasMessage("location is empty");
  }

  @Test
  void refusesNonPositiveLookback() {
    assertThatThrownBy(() -> new ScrapeRequest("q", "l", -2, null))
        .hasMessage("lookback days must be 1 or more, got -2");
  }

  @Test
  void summaryReadsLikeTheOriginal() {
    ScrapeRunResult result =
        new ScrapeRunResult(
            7, "Data Engineer", "Netherlands", "completed", 150, 25, 10, 3, 2, 45.2, "s_1",
            "sandbox", "Past month", null);
    assertThat(result.summary())
        .startsWith("Scrape completed: Data Engineer in Netherlands")
        .contains("  Jobs found: 150", "  New: 25", "  Updated: 10", "  Duration: 45.2s");
  }
}
