package io.trawl.workflows.notify;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Looks up the targets for the event's kind, then delivers to all of them at once, each with its
 * own activity and retries: a failing target neither delays nor re-sends to the others.
 */
public class NotificationWorkflowImpl implements NotificationWorkflow {
  private static final Logger log = Workflow.getLogger(NotificationWorkflowImpl.class);

  private final NotificationActivities lookup =
      Workflow.newActivityStub(NotificationActivities.class, NotificationActivityOptions.LOOKUP);
  private final NotificationActivities delivery =
      Workflow.newActivityStub(NotificationActivities.class, NotificationActivityOptions.DELIVERY);

  @Override
  public NotificationResult notify(NotificationEvent event) {
    List<String> targets;
    try {
      targets = lookup.targetsFor(event.kind()); // 1. names only, never URLs
    } catch (ActivityFailure e) {
      log.warn("event={} target lookup failed error=\"{}\"", event.kind(), Failures.describe(e));
      return new NotificationResult(event.kind(), List.of(), List.of());
    }
    Map<String, Promise<Void>> sends = new LinkedHashMap<>();
    for (String target : targets) { // 2. one activity per target, in parallel
      sends.put(target, Async.procedure(delivery::deliver, target, event));
    }
    List<String> delivered = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    sends.forEach(
        (target, send) -> { // 3. a final failure is reported, never thrown
          try {
            send.get();
            delivered.add(target);
          } catch (ActivityFailure e) {
            failed.add(target);
            log.warn(
                "event={} target={} delivery failed error=\"{}\"",
                event.kind(),
                target,
                Failures.describe(e));
          }
        });
    log.info("event={} delivered={} failed={}", event.kind(), delivered, failed);
    return new NotificationResult(event.kind(), delivered, failed);
  }
}
