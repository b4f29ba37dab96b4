package io.trawl.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.starter.UsageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunQueryTest {
  private static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");

  @Test
  void everyPipelineByDefault() {
    assertThat(new RunQuery(null, null, null).text())
        .isEqualTo("TrawlPipeline IS NOT NULL");
  }

  @Test
  void filtersCombinePipelineStatusAndStartTime() {
    RunQuery query = new RunQuery("jobs", "failed", RunQuery.since("1d", NOW));
    assertThat(query.text())
        .isEqualTo(
            "TrawlPipeline = 'jobs' AND TrawlStatus = 'failed'"
                + " AND StartTime >= '2026-11-24T16:00:00Z'");
  }

  @Test
  void sinceTakesMinutesHoursDaysAndWeeks() {
    assertThat(RunQuery.since("30m", NOW)).isEqualTo(Instant.parse("2026-11-25T15:30:00Z"));
    assertThat(RunQuery.since("12h", NOW)).isEqualTo(Instant.parse("2026-11-25T04:00:00Z"));
    assertThat(RunQuery.since("2w", NOW)).isEqualTo(Instant.parse("2026-11-11T16:00:00Z"));
    assertThatThrownBy(() -> RunQuery.since("yesterday", NOW))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--since");
  }

  @Test
  void aValueThatWouldBreakOutOfItsQuotesIsRefused() {
    assertThatThrownBy(() -> new RunQuery("jobs' OR 1=1 --", null, null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--pipeline");
  }
}
