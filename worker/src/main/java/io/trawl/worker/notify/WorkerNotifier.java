package io.trawl.worker.notify;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationWorkflow;
import io.trawl.workflows.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications for events that arise in worker code rather than in a workflow (a budget
 * past 80 %, a circuit breaker opening) by starting a {@link NotificationWorkflow}.
 *
 * <p>The workflow id is {@code notify/<kind>/<key>} and may never be reused, so the same key
 * notifies at most once however many workers or threads see the event: pick a key that names the
 * occurrence, e.g. {@code brightdata/2024-05-01} for a daily budget. The caller is never slowed
 * by the webhook nor failed by the notification: {@link #emit} only starts the workflow and
 * swallows every problem with a warning.
 */
public final class WorkerNotifier {
  private static final Logger log = LoggerFactory.getLogger(WorkerNotifier.class);

  private final WorkflowClient client;

  public WorkerNotifier(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts the notification of {@code event} unless one for the same kind and key was already
   * started. Never throws. It returns once the server has recorded the start; with the server
   * unreachable it returns after the client's RPC retry window, having logged a warning.
   *
   * @param key what makes this occurrence unique within its kind; part of a workflow id
   */
  public void emit(NotificationEvent event, String key) {
    String workflowId = "notify/" + event.kind() + "/" + key;
    try {
      NotificationWorkflow workflow =
          client.newWorkflowStub(
              NotificationWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId)
                  .setTaskQueue(NotificationWorkflow.TASK_QUEUE)
                  .setWorkflowIdReusePolicy(
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                  .setStaticSummary(Notifications.summary(event))
                  .build());
      WorkflowClient.start(workflow::notify, event);
      log.info("notification started event={} workflow={}", event.kind(), workflowId);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("notification already sent event={} workflow={}", event.kind(), workflowId);
    } catch (RuntimeException e) {
      // The event carries no secret and the client's errors name the Temporal server at most.
      log.warn(
          "notification not started event={} workflow={} error={}",
          event.kind(),
          workflowId,
          e.toString());
    }
  }
}
