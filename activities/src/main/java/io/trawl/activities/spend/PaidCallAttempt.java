package io.trawl.activities.spend;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a paid call is made from: the activity whose attempts share one ledger prefix, and which
 * attempt this is. A retried attempt finds its predecessors' entries under the same prefix.
 *
 * @param callId {@code <workflow id>/<activity id>}, the same for every attempt; a fresh id outside
 *     an activity (a direct call from a command or a test)
 * @param attempt Temporal's attempt number, from 1; 1 outside an activity
 * @param inActivity whether the call is made by an activity (whose retries share {@code callId})
 */
public record PaidCallAttempt(String callId, int attempt, boolean inActivity) {

  /** The running activity's attempt, or a one-off call outside any activity. */
  public static PaidCallAttempt current() {
    return activity()
        .map(
            info ->
                new PaidCallAttempt(
                    info.getWorkflowId() + "/" + info.getActivityId(), info.getAttempt(), true))
        .orElseGet(() -> new PaidCallAttempt(UUID.randomUUID().toString(), 1, false));
  }

  /** The key a stored result of this call carries: the activity's, or null outside one. */
  public String resultKey() {
    return inActivity ? callId : null;
  }

  /** Temporal's attempt number of the running activity, 1 outside an activity. */
  public static int currentAttemptNumber() {
    return activity().map(ActivityInfo::getAttempt).orElse(1);
  }

  private static Optional<ActivityInfo> activity() {
    try {
      return Optional.of(Activity.getExecutionContext().getInfo());
    } catch (IllegalStateException notInAnActivity) {
      return Optional.empty();
    }
  }
}
