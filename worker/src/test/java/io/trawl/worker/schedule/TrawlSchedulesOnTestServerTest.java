package io.trawl.worker.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Java test server has no Schedule API (it answers UNIMPLEMENTED); a {@code ./trawl dev} that
 * fell back to it must still get the one-line "needs a server" answer, not a gRPC error.
 */
class TrawlSchedulesOnTestServerTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final TrawlSchedules schedules = new TrawlSchedules(env.getWorkflowClient());

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void listSaysSchedulesNeedARealServer() {
    assertThatThrownBy(schedules::list)
        .isInstanceOf(ScheduleProblem.class)
        .hasMessage(ScheduleProblem.NEEDS_SERVER);
  }

  @Test
  void createSaysSchedulesNeedARealServer() {
    ScheduleDefinition daily =
        ScheduleDefinitions.define(
            "test",
            new ScheduleEntry(
                "", "nightly", "jobs-lifecycle", null, "@daily", null, null, null, Map.of()),
            ScheduledWorkflowKinds.standard(),
            TrawlConfigLoader.loadBuiltIn());

    assertThatThrownBy(() -> schedules.create(daily, "test"))
        .isInstanceOf(ScheduleProblem.class)
        .hasMessage(ScheduleProblem.NEEDS_SERVER);
  }
}
