package io.trawl.workflows.notify;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Delivers one event to every webhook target that wants its kind. */
@WorkflowInterface
public interface NotificationWorkflow {
  /** Every worker polls this queue, whatever pipelines it runs. */
  String TASK_QUEUE = "trawl-notify";

  /**
   * Looks up the targets that want the event's kind and delivers to each with its own retries.
   * Never fails: a target that refuses or stays unreachable is listed in the result's {@code
   * failed}, so the run that reported the event is never affected.
   */
  @WorkflowMethod
  NotificationResult notify(NotificationEvent event);
}
