package io.trawl.workflows.notify;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Emits a notification from inside a pipeline workflow: starts a {@link NotificationWorkflow}
 * child that outlives its parent and waits only for it to start, so webhook retries never delay,
 * block or fail the run being reported on.
 *
 * <p>Guarded by the {@value #CHANGE_ID} version marker: histories recorded before notifications
 * existed replay without the child. Call it inside a detached cancellation scope on a
 * cancellation path, or the child start is cancelled with the run.
 */
public final class Notifications {
  /** The {@code Workflow.getVersion} change id of the notification child. */
  public static final String CHANGE_ID = "trawl-notifications";

  private static final Logger log = Workflow.getLogger(Notifications.class);

  private Notifications() {}

  /** An event about the current workflow run, stamped with workflow time. */
  public static NotificationEvent event(
      NotificationKind kind,
      String pipeline,
      String title,
      String message,
      Map<String, String> details) {
    WorkflowInfo info = Workflow.getInfo();
    return new NotificationEvent(
        kind.configName(),
        pipeline,
        info.getWorkflowId(),
        info.getRunId(),
        title,
        message,
        details,
        Workflow.currentTimeMillis());
  }

  /**
   * Starts the notification child with id {@code notify/<kind>/<workflow id>/<run id>}, unique per
   * run and kind, so a replay or a retried workflow task never notifies twice. Any failure to
   * start is logged and swallowed: an alert must never fail the run.
   */
  public static void emit(NotificationEvent event) {
    if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    WorkflowInfo info = Workflow.getInfo();
    String childId =
        "notify/" + event.kind() + "/" + info.getWorkflowId() + "/" + info.getRunId();
    try {
      NotificationWorkflow child =
          Workflow.newChildWorkflowStub(
              NotificationWorkflow.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(childId)
                  .setTaskQueue(NotificationWorkflow.TASK_QUEUE)
                  // The run ends right after; the delivery and its retries carry on alone.
                  .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                  // What the Web UI shows for the alert beside its parent run.
                  .setStaticSummary(summary(event))
                  .build());
      Async.function(child::notify, event);
      Workflow.getWorkflowExecution(child).get();
      log.info("event={} notification={} started", event.kind(), childId);
    } catch (RuntimeException e) {
      log.warn("event={} notification={} not started: {}", event.kind(), childId, e.toString());
    }
  }

  /** One line for the Web UI, e.g. "alert run failed: Data Engineer in Netherlands". */
  public static String summary(NotificationEvent event) {
    return "alert " + event.notificationKind().label() + ": " + event.title();
  }

  /** Ordered details from alternating keys and values; a null value is left out. */
  public static Map<String, String> details(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("details need key, value pairs");
    }
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        details.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return details;
  }
}
