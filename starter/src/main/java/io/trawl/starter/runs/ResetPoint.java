package io.trawl.starter.runs;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where {@code ./trawl runs retry} resets a failed run: the workflow task completed right after the
 * last activity that succeeded before the first failure. Replaying up to there keeps every paid
 * step's result; the run continues with the step that failed.
 */
final class ResetPoint {
  private ResetPoint() {}

  /** The WorkflowTaskCompleted event id to reset to; empty when the history has none. */
  static OptionalLong find(List<HistoryEvent> history) {
    long lastGoodActivity = 0;
    for (HistoryEvent event : history) {
      EventType type = event.getEventType();
      if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED
          || type == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT) {
        break;
      }
      if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        lastGoodActivity = event.getEventId();
      }
    }
    for (HistoryEvent event : history) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
          && event.getEventId() > lastGoodActivity) {
        return OptionalLong.of(event.getEventId());
      }
    }
    return OptionalLong.empty();
  }
}
