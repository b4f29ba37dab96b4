package io.trawl.worker.faults;

import com.google.protobuf.util.Timestamps;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run's activities were retried, read from its history: the server writes an activity's
 * started event once, for its last attempt, so that event's attempt number is how many calls were
 * made and its time minus the scheduled time is what the retries waited (virtual time on a
 * time-skipping test server, so a Retry-After of minutes shows without waiting for it).
 */
public final class ActivityRetries {
  private ActivityRetries() {}

  /**
   * One scheduled activity.
   *
   * @param type the activity type, e.g. {@code Trigger}
   * @param attempts the attempt that ran last (1 when it never retried)
   * @param waited from scheduling to the start of the last attempt
   */
  public record Retried(String type, int attempts, Duration waited) {}

  /** Every activity of {@code workflowId}'s latest run that started, in scheduling order. */
  public static List<Retried> of(WorkflowClient client, String workflowId) {
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    List<Retried> retried = new ArrayList<>();
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.put(event.getEventId(), event);
      } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        HistoryEvent schedule =
            scheduled.get(event.getActivityTaskStartedEventAttributes().getScheduledEventId());
        retried.add(
            new Retried(
                schedule.getActivityTaskScheduledEventAttributes().getActivityType().getName(),
                event.getActivityTaskStartedEventAttributes().getAttempt(),
                Duration.ofMillis(
                    Timestamps.toMillis(event.getEventTime())
                        - Timestamps.toMillis(schedule.getEventTime()))));
      }
    }
    return retried;
  }

  /** The first started activity of {@code type}; fails when there is none. */
  public static Retried first(WorkflowClient client, String workflowId, String type) {
    return of(client, workflowId).stream()
        .filter(r -> r.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " activity started in " + workflowId));
  }
}
