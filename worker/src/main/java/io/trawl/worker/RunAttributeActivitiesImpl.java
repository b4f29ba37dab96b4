package io.trawl.worker;

import io.grpc.Status;
import io.temporal.activity.Activity;
import io.trawl.workflows.common.RunAttributeActivities;
import io.trawl.workflows.common.RunAttributes;
import java.util.stream.Collectors;

/**
 * Answers whether the worker's namespace has trawl's search attributes, by asking visibility a
 * query that names every one of them: the server refuses a query on an attribute it does not know.
 *
 * <p>It asks through the worker's own client, so whatever reaches the server for the worker (TLS,
 * an API key) reaches it here too. A yes is kept for the worker's lifetime; a no is asked again
 * next time, so {@code ./trawl setup} run later takes effect without a restart.
 */
public final class RunAttributeActivitiesImpl implements RunAttributeActivities {
  private static final String PROBE =
      RunAttributes.NAMES.stream()
          .map(name -> name + " = 'trawl-probe'")
          .collect(Collectors.joining(" AND "));

  private volatile boolean registered;

  @Override
  public boolean checkSearchAttributes() {
    if (registered) {
      return true;
    }
    try {
      Activity.getExecutionContext().getWorkflowClient().countWorkflows(PROBE);
    } catch (RuntimeException e) {
      Status.Code code = Status.fromThrowable(e).getCode();
      // INVALID_ARGUMENT: an attribute is not registered; UNIMPLEMENTED: no visibility queries
      // (the in-memory test server). Anything else (unreachable, timeout) is worth a retry.
      if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.UNIMPLEMENTED) {
        return false;
      }
      throw e;
    }
    registered = true;
    return true;
  }
}
