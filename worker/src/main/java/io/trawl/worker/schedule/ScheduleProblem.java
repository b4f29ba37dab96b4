package io.trawl.worker.schedule;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * A schedule command cannot do what was asked: the schedule does not exist, the name is taken, it
 * is not trawl's, or the server has no Schedule API. The message is one line for the user.
 */
public final class ScheduleProblem extends RuntimeException {
  /** Said when the server answers the Schedule API with UNIMPLEMENTED (the Java test server). */
  public static final String NEEDS_SERVER =
      "schedules need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS";

  public ScheduleProblem(String message) {
    super(message);
  }

  public ScheduleProblem(String message, Throwable cause) {
    super(message, cause);
  }

  static ScheduleProblem notFound(String name) {
    return new ScheduleProblem(
        "schedule \"" + name + "\" does not exist (see ./trawl schedule list)");
  }

  /** The gRPC status somewhere in {@code failure}'s cause chain, if any. */
  static Optional<Status.Code> statusOf(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof StatusRuntimeException status) {
        return Optional.of(status.getStatus().getCode());
      }
    }
    return Optional.empty();
  }

  /**
   * Rethrows {@code failure} as a problem the user can act on when it is one (the server has no
   * Schedule API, or the schedule is gone); otherwise returns it for the caller to throw.
   */
  static RuntimeException translate(String name, RuntimeException failure) {
    Optional<Status.Code> code = statusOf(failure);
    if (code.isPresent() && code.get() == Status.Code.UNIMPLEMENTED) {
      return new ScheduleProblem(NEEDS_SERVER, failure);
    }
    if (code.isPresent() && code.get() == Status.Code.NOT_FOUND && name != null) {
      return notFound(name);
    }
    return failure;
  }
}
