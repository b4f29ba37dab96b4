package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.trawl.worker.metrics.TrawlMetrics;
import io.trawl.worker.runtime.TemporalConnection;

/** Builds a Temporal client for a connection: address, namespace, TLS and credentials. */
public final class TemporalClients {
  private TemporalClients() {}

  /** A client of a server reached in plain text, such as the dev server's. */
  public static WorkflowClient connect(String target, String namespace) {
    return connect(TemporalConnection.plain(target, namespace));
  }

  /** A client with the connection's TLS and API key (production, Temporal Cloud). */
  public static WorkflowClient connect(TemporalConnection connection) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder(connection.serviceStubsOptions())
                // The SDK's own metrics (polls, latencies, failures) join trawl's on /metrics.
                .setMetricsScope(TrawlMetrics.temporalScope())
                .build());
    return WorkflowClient.newInstance(
        service, WorkflowClientOptions.newBuilder().setNamespace(connection.namespace()).build());
  }

  /** Closes the client's gRPC channel. */
  public static void close(WorkflowClient client) {
    client.getWorkflowServiceStubs().shutdown();
  }
}
