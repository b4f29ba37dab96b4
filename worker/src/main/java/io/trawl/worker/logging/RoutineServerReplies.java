package io.trawl.worker.logging;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * Server replies the Temporal SDK logs as warnings with a stack trace although nothing is wrong:
 * {@code INVALID_ARGUMENT: UnhandledCommand} means new events (an activity result, a signal)
 * reached the workflow while its task was being completed, and the SDK simply runs the task again.
 * The terminal gets one line; the log file keeps the trace.
 */
final class RoutineServerReplies {
  private static final String UNHANDLED_COMMAND = "UnhandledCommand";

  private RoutineServerReplies() {}

  /** The one-line reason for {@code failure} if it is such a reply, else empty. */
  static Optional<String> describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException reply
          && reply.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
          && UNHANDLED_COMMAND.equals(reply.getStatus().getDescription())) {
        return Optional.of(
            " failure="
                + UNHANDLED_COMMAND
                + " reason=\"new events reached the workflow while its task completed;"
                + " the SDK runs the task again\"");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
