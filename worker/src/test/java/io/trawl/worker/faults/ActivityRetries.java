package io.trawl.worker.faults;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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

  /**
   * Every activity of {@code workflowId}'s latest run that started, in scheduling order; none when
   * there is no such workflow (a child the run never needed).
   */
  public static List<Retried> of(WorkflowClient client, String workflowId) {
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    List<Retried> retried = new ArrayList<>();
    List<HistoryEvent> events;
    try {
      events = client.fetchHistory(workflowId).getEvents();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
    for (HistoryEvent event : events) {
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

  /**
   * The least a retry policy waits before the attempt after {@code retries} failed ones: {@code
   * first}, then each wait {@code coefficient} times the last (1 for a fixed Retry-After).
   */
  public record Backoff(Duration first, double coefficient) {
    public static Backoff exponential(Duration initial) {
      return new Backoff(initial, 2.0);
    }

    public static Backoff retryAfter(Duration delay) {
      return new Backoff(delay, 1.0);
    }

    /** The total wait before the attempt after {@code retries} failed ones. */
    public Duration before(int retries) {
      double millis = 0;
      double wait = first.toMillis();
      for (int i = 0; i < retries; i++) {
        millis += wait;
        wait *= coefficient;
      }
      return Duration.ofMillis((long) millis);
    }

    @Override
    public String toString() {
      return coefficient == 1.0 ? "each after " + first : "from " + first + " ×" + coefficient;
    }
  }

  /** Every started activity of {@code type}, in scheduling order. */
  public static List<Retried> ofType(WorkflowClient client, String workflowId, String type) {
    return of(client, workflowId).stream().filter(r -> r.type().equals(type)).toList();
  }

  /** The first started activity of {@code type}; fails when there is none. */
  public static Retried first(WorkflowClient client, String workflowId, String type) {
    return of(client, workflowId).stream()
        .filter(r -> r.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " activity started in " + workflowId));
  }
}
