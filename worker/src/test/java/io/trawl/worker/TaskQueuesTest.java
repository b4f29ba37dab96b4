package io.trawl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which task queue names a person may give, and what each refusal says. */
class TaskQueuesTest {
  @Test
  void acceptsOrdinaryNamesStripped() {
    assertThat(TaskQueues.check(" etl-bulk ")).isEqualTo("etl-bulk");
    assertThat(TaskQueues.check("eu-west/jobs.v2")).isEqualTo("eu-west/jobs.v2");
  }

  @Test
  void refusesEmptySpacedOverlongAndReservedNames() {
    assertThatThrownBy(() -> TaskQueues.check("  "))
        .hasMessage("a task queue name is empty");
    assertThatThrownBy(() -> TaskQueues.check("etl bulk"))
        .hasMessage("task queue \"etl bulk\" has spaces or control characters");
    assertThatThrownBy(() -> TaskQueues.check("q".repeat(201)))
        .hasMessage("task queue name is 201 characters; at most 200");
    assertThatThrownBy(() -> TaskQueues.check("/_sys/trawl"))
        .hasMessage("task queue \"/_sys/trawl\" starts with /_sys/, which Temporal reserves");
  }
}
