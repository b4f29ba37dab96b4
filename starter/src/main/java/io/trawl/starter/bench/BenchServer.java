package io.trawl.starter.bench;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testserver.TestServer;
import io.trawl.worker.runtime.DevServer;
import io.trawl.worker.runtime.DevServerOptions;
import io.trawl.workflows.common.RunAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Temporal server a bench runs against, with trawl's search attributes registered and closed with
 * the bench: the in-process test server of the embedded default, the same test server on a port (so
 * a child JVM can reach it), or the real dev server on free ports with its SQLite file in the bench
 * directory.
 */
final class BenchServer implements AutoCloseable {
  private final String name;
  private final String target;
  private final WorkflowClient client;
  private final WorkflowClient workerClient;
  private final List<AutoCloseable> resources;
  private ProcessHandle process;

  private BenchServer(
      String name,
      String target,
      WorkflowClient client,
      WorkflowClient workerClient,
      List<AutoCloseable> resources) {
    this.name = name;
    this.target = target;
    this.client = client;
    this.workerClient = workerClient;
    this.resources = resources;
  }

  /** The embedded default's engine: the test server in this JVM, in real time. */
  static BenchServer embeddedInProcess() {
    TestWorkflowEnvironment engine =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    RunAttributes.NAMES.forEach(
        name -> engine.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    WorkflowClient client = engine.getWorkflowClient();
    return new BenchServer("embedded", null, client, client, List.of(engine));
  }

  /** The same test server, listening on a free loopback port for another JVM's worker. */
  static BenchServer embeddedOnPort() {
    int port = freePort();
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    String target = "127.0.0.1:" + port;
    // The test server can add search attributes but not list them, so they are added outright.
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target)
                .validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder add =
          AddSearchAttributesRequest.newBuilder().setNamespace(DevServerOptions.DEFAULT_NAMESPACE);
      RunAttributes.NAMES.forEach(
          name -> add.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      operator.blockingStub().addSearchAttributes(add.build());
    } finally {
      operator.shutdownNow();
    }
    return attach("embedded", target, server);
  }

  /**
   * {@code temporal server start-dev} on free ports, its database under {@code dir}; a new database
   * file gets trawl's search attributes from the command line.
   */
  static BenchServer dev(Path cli, Path dir) {
    DevServerOptions options =
        new DevServerOptions(
                cli,
                dir.resolve("temporal.db"),
                dir.resolve("temporal.log"),
                dir.resolve("temporal.pid"),
                1,
                2,
                DevServerOptions.DEFAULT_NAMESPACE,
                RunAttributes.NAMES,
                Duration.ofSeconds(60))
            .withFreePorts();
    DevServer server = DevServer.start(options);
    BenchServer bench = attach("dev", server.target(), server);
    bench.process = ProcessHandle.of(server.pid()).orElse(null);
    return bench;
  }

  private static BenchServer attach(String name, String target, AutoCloseable server) {
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(server);
    try {
      WorkflowClient client = connect(target);
      resources.add(0, () -> client.getWorkflowServiceStubs().shutdown());
      WorkflowClient workerClient = connect(target);
      resources.add(0, () -> workerClient.getWorkflowServiceStubs().shutdown());
      return new BenchServer(name, target, client, workerClient, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /**
   * A plain-text client of the {@code default} namespace at {@code target}, without trawl's metrics
   * registry (the bench measures the SDK, not the export).
   */
  static WorkflowClient connect(String target) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    return WorkflowClient.newInstance(
        service,
        WorkflowClientOptions.newBuilder()
            .setNamespace(DevServerOptions.DEFAULT_NAMESPACE)
            .build());
  }

  /**
   * CPU time used so far by this JVM (worker, client and an in-process server) and by a server
   * process, when there is one.
   */
  long cpuNanos() {
    long nanos =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    if (process != null) {
      nanos += process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    return nanos;
  }

  String name() {
    return name;
  }

  /** host:port for a client in another JVM; null for the in-process server. */
  String target() {
    return target;
  }

  /** The client that starts runs and waits for their results. */
  WorkflowClient client() {
    return client;
  }

  /**
   * The client the worker polls through: its own connection, as a worker process has. Sharing one
   * would put the worker's polls in the same HTTP/2 connection as hundreds of result long-polls,
   * and the server's cap on streams per connection then queues the polls behind them.
   */
  WorkflowClient workerClient() {
    return workerClient;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Best effort at the end of a bench: the next resource still gets closed.
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }
}
