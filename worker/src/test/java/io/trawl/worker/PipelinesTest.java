package io.trawl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelinesTest {
  @Test
  void noListMeansEveryPipeline() {
    assertThat(Pipelines.parse(null)).containsExactly("jobs", "etl", "pharmacy", "market");
    assertThat(Pipelines.parse(" ")).containsExactly("jobs", "etl", "pharmacy", "market");
  }

  @Test
  void aListChoosesThosePipelinesOnly() {
    assertThat(Pipelines.parse("etl")).containsExactly("etl");
    assertThat(Pipelines.parse("jobs, etl,jobs")).containsExactly("jobs", "etl");
  }

  @Test
  void anUnknownPipelineIsNamed() {
    assertThatThrownBy(() -> Pipelines.parse("jobs,stocks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"stocks\"")
        .hasMessageContaining("jobs, etl");
  }
}
