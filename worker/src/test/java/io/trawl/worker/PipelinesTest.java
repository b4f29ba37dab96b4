package io.trawl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelinesTest {
  @Test
  void noListMeansEveryPipeline() {
    assertThat(Pipelines.parse(null)).containsExactly("jobs", "etl", "pharmacy");
    assertThat(Pipelines.parse(" ")).containsExactly("jobs", "etl", "pharmacy");
  }

  @Test
  void aListChoosesThosePipelinesOnly() {
    assertThat(Pipelines.parse("etl")).containsExactly("etl");
    assertThat(Pipelines.parse("jobs, etl,jobs")).containsExactly("jobs", "etl");
  }

  @Test
  void anUnknownPipelineIsNamed() {
    assertThatThrownBy(() -> Pipelines.parse("jobs,market"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"market\"")
        .hasMessageContaining("jobs, etl");
  }
}
