package io.trawl.workflows.maintenance;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The current retention workflow replays a recorded pruning (recorded by the worker module's {@code
 * RetentionWorkflowTest}): a change that would break a running one fails here.
 */
class RetentionWorkflowReplayTest {
  @Test
  void pruneReplaysItsRecordedHistory() throws Exception {
    File history =
        new File(
            Objects.requireNonNull(
                    RetentionWorkflowReplayTest.class.getResource(
                        "/histories/maintenance-retention.json"),
                    "maintenance-retention.json")
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, RetentionWorkflowImpl.class);
  }
}
