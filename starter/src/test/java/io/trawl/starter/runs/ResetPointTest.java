package io.trawl.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResetPointTest {
  @Test
  void resetsToTheWorkflowTaskAfterTheLastActivityThatSucceededBeforeTheFailure() {
    List<HistoryEvent> history =
        history(
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, // 1
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, // 2
            EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, // 3 trigger (paid)
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, // 4 <- reset here
            EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, // 5 ingest
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, // 6
            EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, // 7 cleanup marks the row failed
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED); // 8

    assertThat(ResetPoint.find(history)).hasValue(4);
  }

  @Test
  void aRunThatFailedBeforeAnyActivityResetsToItsFirstWorkflowTask() {
    List<HistoryEvent> history =
        history(
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
            EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
            EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);

    assertThat(ResetPoint.find(history)).hasValue(2);
  }

  @Test
  void noWorkflowTaskMeansNoResetPoint() {
    assertThat(ResetPoint.find(history(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)))
        .isEmpty();
  }

  private static List<HistoryEvent> history(EventType... types) {
    List<HistoryEvent> events = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      events.add(HistoryEvent.newBuilder().setEventId(i + 1).setEventType(types[i]).build());
    }
    return events;
  }
}
