package io.trawl.worker.logging;

import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises failures trawl throws on purpose: the typed {@link ApplicationFailure}s made by {@link
 * Failures} (a 202 not-ready, a rate limit with its retry delay, a validation refusal) and any
 * failure of category {@code BENIGN}. Their message says everything; their stack trace only points
 * at the factory that made them, so a console shows them on one line.
 */
final class HandledFailures {
  /** Every type {@link Failures} throws; stable strings, as retry policies match them. */
  private static final Set<String> TYPES =
      Set.of(
          Failures.INVALID_INPUT,
          Failures.PROVIDER_RATE_LIMITED,
          Failures.PROVIDER_UNAVAILABLE,
          Failures.PROVIDER_REJECTED,
          Failures.COLLECTION_FAILED,
          Failures.SNAPSHOT_NOT_READY,
          Failures.DEADLINE_EXCEEDED,
          Failures.VALIDATION_FAILED,
          Failures.NOT_FOUND,
          Failures.BUDGET_EXHAUSTED,
          Failures.BREAKER_OPEN,
          Failures.SIZE_LIMIT_EXCEEDED);

  /**
   * Types whose workflow handles the failure and logs the outcome itself (a validation refusal ends
   * in a quarantine line), so the SDK's report of the failed activity would say it twice.
   */
  private static final Set<String> REPORTED_BY_WORKFLOW = Set.of(Failures.VALIDATION_FAILED);

  private HandledFailures() {}

  /** The first handled application failure in {@code failure}'s cause chain, if any. */
  static Optional<ApplicationFailure> find(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof ApplicationFailure app
          && (TYPES.contains(app.getType())
              || app.getCategory() == ApplicationErrorCategory.BENIGN)) {
        return Optional.of(app);
      }
    }
    return Optional.empty();
  }

  /** True when the outcome of {@code failure} is logged by the workflow that handled it. */
  static boolean reportedByWorkflow(Throwable failure) {
    return find(failure).map(app -> REPORTED_BY_WORKFLOW.contains(app.getType())).orElse(false);
  }
}
