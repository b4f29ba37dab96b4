package io.trawl.workflows.notify;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The current notification workflow replays a recorded delivery to three targets, one of which
 * refused (worker's {@code NotificationDeliveryTest} writes a fresh one to {@code
 * target/recorded-histories}).
 */
class NotificationWorkflowReplayTest {
  @Test
  void notificationWorkflowReplaysItsRecordedHistory() throws Exception {
    File history =
        new File(
            Objects.requireNonNull(getClass().getResource("/histories/notification-delivered.json"))
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, NotificationWorkflowImpl.class);
  }
}
