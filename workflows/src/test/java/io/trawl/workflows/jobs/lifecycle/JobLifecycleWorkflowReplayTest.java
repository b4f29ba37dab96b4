package io.trawl.workflows.jobs.lifecycle;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The current lifecycle workflow replays a history recorded through the worker's registration
 * (worker's {@code JobLifecycleWorkflowTest} writes a fresh one to {@code
 * target/recorded-histories}).
 */
class JobLifecycleWorkflowReplayTest {
  @Test
  void lifecycleWorkflowReplaysItsRecordedHistory() throws Exception {
    File history =
        new File(
            Objects.requireNonNull(getClass().getResource("/histories/job-lifecycle.json"))
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, JobLifecycleWorkflowImpl.class);
  }
}
