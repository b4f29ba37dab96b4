package io.trawl.worker.runtime;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prepares a production namespace for trawl: the namespace itself when missing, then the custom
 * search attributes. Every step checks first, so running it again changes nothing.
 */
public final class NamespaceSetup {
  /** How long closed runs stay visible in the Web UI and {@code ./trawl runs}. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  private static final long RPC_TIMEOUT_SECONDS = 10;

  private NamespaceSetup() {}

  /** Returns what was done, one line per step, for the command to print. */
  public static List<String> apply(TemporalConnection connection, List<String> attributes) {
    String namespace = connection.namespace();
    List<String> done = new ArrayList<>();
    // The same TLS and credentials as every other client: a secured cluster refuses anything less.
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(connection.serviceStubsOptions());
    try {
      done.add(ensureNamespace(service, namespace));
    } finally {
      service.shutdownNow();
    }
    List<String> added = addAttributes(connection, attributes);
    done.add(
        added.isEmpty()
            ? "search attributes already registered: " + String.join(", ", attributes)
            : "registered search attributes (Keyword): " + String.join(", ", added));
    return done;
  }

  /**
   * A namespace just registered reaches the frontend's namespace cache a few seconds later; until
   * then the operator API answers NOT_FOUND, so that answer is retried for a while.
   */
  private static List<String> addAttributes(
      TemporalConnection connection, List<String> attributes) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return SearchAttributeRegistrar.ensureKeywords(connection, attributes);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while waiting for namespace " + connection.namespace(), e);
      }
    }
  }

  private static String ensureNamespace(WorkflowServiceStubs service, String namespace) {
    try {
      service
          .blockingStub()
          .withDeadlineAfter(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      return "namespace " + namespace + " exists";
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    service
        .blockingStub()
        .withDeadlineAfter(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .registerNamespace(
            RegisterNamespaceRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowExecutionRetentionPeriod(
                    Durations.fromSeconds(DEFAULT_RETENTION.toSeconds()))
                .build());
    return "registered namespace " + namespace + " (retention " + DEFAULT_RETENTION.toDays() + "d)";
  }
}
