package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.trawl.worker.metrics.TrawlMetrics;

/** Builds a Temporal client for a server address and namespace. */
public final class TemporalClients {
  private TemporalClients() {}

  public static WorkflowClient connect(String target, String namespace) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                // The SDK's own metrics (polls, latencies, failures) join trawl's on /metrics.
                .setMetricsScope(TrawlMetrics.temporalScope())
                .build());
    return WorkflowClient.newInstance(
        service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  /** Closes the client's gRPC channel. */
  public static void close(WorkflowClient client) {
    client.getWorkflowServiceStubs().shutdown();
  }
}
