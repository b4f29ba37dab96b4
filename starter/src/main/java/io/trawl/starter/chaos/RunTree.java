package io.trawl.starter.chaos;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.failure.v1.TimeoutFailureInfo;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.RespondActivityTaskFailedByIdRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A run and its child workflows as the server records them: how far the run got (completed
 * activities, local activities, fired timers, finished children) and which activity attempts are
 * running now.
 */
final class RunTree {
  /** The failure type reported for an attempt whose worker was killed. */
  private static final Set<EventType> PROGRESS =
      Set.of(
          EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
          EventType.EVENT_TYPE_MARKER_RECORDED,
          EventType.EVENT_TYPE_TIMER_FIRED,
          EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED);

  private static final Set<EventType> CLOSED =
      Set.of(
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);

  /** One activity attempt in flight. */
  record Running(WorkflowExecution execution, String activityId, String type, Instant started) {}

  /** What the tree looks like now. */
  record State(boolean rootClosed, long progress, List<Running> running) {
    /** "inside DownloadToStaging", or "between steps" when no attempt is running. */
    String landing() {
      return running.isEmpty()
          ? "between steps"
          : "inside " + running.stream().map(Running::type).distinct().sorted().toList();
    }
  }

  private final WorkflowClient client;
  private final String namespace;

  RunTree(WorkflowClient client) {
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
  }

  private WorkflowServiceBlockingStub stub() {
    return client.getWorkflowServiceStubs().blockingStub();
  }

  /** Reads the root's history and every child's it started, and their running attempts. */
  State read(String workflowId) {
    Deque<WorkflowExecution> todo = new ArrayDeque<>();
    todo.add(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build());
    boolean rootClosed = false;
    long progress = 0;
    List<Running> running = new ArrayList<>();
    boolean root = true;
    while (!todo.isEmpty()) {
      WorkflowExecution execution = todo.poll();
      boolean closed = false;
      for (HistoryEvent event : history(execution)) {
        if (PROGRESS.contains(event.getEventType())) {
          progress++;
        }
        if (CLOSED.contains(event.getEventType())) {
          closed = true;
        }
        if (event.hasChildWorkflowExecutionStartedEventAttributes()) {
          todo.add(event.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution());
        }
      }
      if (!closed) {
        running.addAll(running(execution));
      }
      if (root) {
        rootClosed = closed;
        root = false;
      }
    }
    return new State(rootClosed, progress, running);
  }

  /**
   * Fails every attempt that started before {@code cutoff} (the current worker's launch): its
   * worker is dead, and the server would otherwise wait out the activity's heartbeat or
   * start-to-close timeout (up to ten minutes for an ingest) before retrying it. The failure is the
   * start-to-close timeout the server would record then, so the retry policy and the workflow
   * (which may treat a dead worker apart from a provider's failure) decide exactly as they would
   * after it. Returns how many.
   */
  int failOrphans(String workflowId, Instant cutoff) {
    int failed = 0;
    for (Running attempt : read(workflowId).running()) {
      if (!attempt.started().isBefore(cutoff)) {
        continue;
      }
      try {
        stub()
            .respondActivityTaskFailedById(
                RespondActivityTaskFailedByIdRequest.newBuilder()
                    .setNamespace(namespace)
                    .setWorkflowId(attempt.execution().getWorkflowId())
                    .setRunId(attempt.execution().getRunId())
                    .setActivityId(attempt.activityId())
                    .setIdentity("trawl chaos crash")
                    .setFailure(
                        Failure.newBuilder()
                            .setMessage(
                                "activity StartToClose timeout: the worker running this attempt"
                                    + " was killed (SIGKILL)")
                            .setSource("trawl chaos crash")
                            .setTimeoutFailureInfo(
                                TimeoutFailureInfo.newBuilder()
                                    .setTimeoutType(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE)))
                    .build());
        failed++;
      } catch (StatusRuntimeException e) {
        // Finished or timed out meanwhile: nothing left to fail.
      }
    }
    return failed;
  }

  private List<HistoryEvent> history(WorkflowExecution execution) {
    List<HistoryEvent> events = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse page =
          stub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution)
                      .setNextPageToken(token)
                      .build());
      events.addAll(page.getHistory().getEventsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return events;
  }

  private List<Running> running(WorkflowExecution execution) {
    var described =
        stub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(execution)
                    .build());
    WorkflowExecution exact = described.getWorkflowExecutionInfo().getExecution();
    List<Running> running = new ArrayList<>();
    for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
      if (activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) {
        var started = activity.getLastStartedTime();
        running.add(
            new Running(
                exact,
                activity.getActivityId(),
                activity.getActivityType().getName(),
                Instant.ofEpochSecond(started.getSeconds(), started.getNanos())));
      }
    }
    return running;
  }
}
