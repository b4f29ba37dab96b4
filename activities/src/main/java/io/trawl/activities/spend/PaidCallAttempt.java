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
  /**
   * Attempt numbers one round of a shared call may use: round {@code r}'s attempt {@code a} is
   * numbered {@code (r - 1) * ROUND_SPAN + a}, above any retry policy's maximum attempts.
   */
  public static final int ROUND_SPAN = 100;

  /**
   * This activity attempt as part of the call {@code sharedCallId}, which its workflow asks for in
   * rounds: each round is a new activity whose own attempts count from 1, so the attempt is
   * renumbered after the rounds before it. Ledger keys stay unique across rounds while sharing one
   * prefix, and a later round settles what earlier rounds' dead attempts left held. Unchanged when
   * {@code sharedCallId} is null or outside an activity.
   */
  public PaidCallAttempt inCall(String sharedCallId, int round) {
    if (!inActivity || sharedCallId == null) {
      return this;
    }
    if (round < 1 || attempt >= ROUND_SPAN) {
      throw new IllegalArgumentException(
          "round " + round + " attempt " + attempt + " does not fit a shared call's numbering");
    }
    return new PaidCallAttempt(sharedCallId, (round - 1) * ROUND_SPAN + attempt, true);
  }

  /** Whether an earlier attempt or round of this call may have left something behind. */
  public boolean isRetry() {
    return attempt > 1;
  }

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
