package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the pipelines' crash sides share: the sandboxes' credentials and reading a result. */
final class ChaosProviders {
  /**
   * The credential every sandbox of a crash run is given. With it set, a worker uses the provider
   * base URLs it is handed (the sandboxes in this JVM) instead of starting sandboxes of its own,
   * which would die, counters and all, with every kill.
   */
  static final String TOKEN = "chaos-sandbox-credential";

  private ChaosProviders() {}

  /** The run's result as a map of its JSON fields; throws naming how the run ended otherwise. */
  static Map<?, ?> result(WorkflowClient client, String workflowId, Duration timeout) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    try {
      return stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, Map.class);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the run did not finish within " + timeout);
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("the run failed: " + cause.getMessage());
    }
  }
}
