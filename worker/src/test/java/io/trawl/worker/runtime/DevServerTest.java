package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {
  private static Path cli;

  @TempDir Path tempDir;

  @BeforeAll
  static void findCli() {
    cli = DevServerExtension.temporalCli();
  }

  @Test
  void answersDescribeNamespaceAndServesTheUiOnFreePorts() throws Exception {
    DevServer server = DevServer.start(options());
    long pid = server.pid();
    try {
      assertThat(server.target()).startsWith("127.0.0.1:");
      String namespace =
          withStubs(
              server,
              stubs ->
                  stubs
                      .blockingStub()
                      .describeNamespace(
                          DescribeNamespaceRequest.newBuilder().setNamespace("default").build())
                      .getNamespaceInfo()
                      .getName());
      assertThat(namespace).isEqualTo("default");
      HttpResponse<Void> ui =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.uiUrl())).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(ui.statusCode()).isEqualTo(200);
    } finally {
      server.close();
    }
    assertThat(OsProcesses.live(pid)).isEmpty();
    assertThat(options().pidFile()).doesNotExist();
  }

  @Test
  void keepsWorkflowExecutionsInItsDatabaseAcrossRestarts() {
    WorkflowExecution execution;
    try (DevServer first = DevServer.start(options())) {
      execution =
          withStubs(
              first,
              stubs ->
                  WorkflowClient.newInstance(stubs)
                      .newUntypedWorkflowStub(
                          "PersistenceProbe",
                          WorkflowOptions.newBuilder()
                              .setTaskQueue("no-worker-polls-this")
                              .setWorkflowId("persistence-probe")
                              .build())
                      .start());
    }

    try (DevServer second = DevServer.start(options())) {
      WorkflowExecutionStatus status =
          withStubs(
              second,
              stubs ->
                  stubs
                      .blockingStub()
                      .describeWorkflowExecution(
                          DescribeWorkflowExecutionRequest.newBuilder()
                              .setNamespace("default")
                              .setExecution(execution)
                              .build())
                      .getWorkflowExecutionInfo()
                      .getStatus());
      assertThat(status).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      List<String> listed =
          withStubs(
              second,
              stubs ->
                  WorkflowClient.newInstance(stubs, WorkflowClientOptions.getDefaultInstance())
                      .listExecutions("WorkflowType = 'PersistenceProbe'")
                      .map(WorkflowExecutionMetadata::getExecution)
                      .map(WorkflowExecution::getRunId)
                      .toList());
      assertThat(listed).containsExactly(execution.getRunId());
    }
  }

  @Test
  void registersSearchAttributesAddedAfterTheDatabaseWasCreated() {
    try (DevServer first =
        DevServer.start(options().withKeywordSearchAttributes(List.of("TrawlPipeline")))) {
      assertThat(customAttributes(first)).contains("TrawlPipeline");
    }

    try (DevServer second =
        DevServer.start(
            options().withKeywordSearchAttributes(List.of("TrawlPipeline", "TrawlQuery")))) {
      assertThat(customAttributes(second)).contains("TrawlPipeline", "TrawlQuery");
    }
  }

  @Test
  void refusesAPortThatIsAlreadyTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      DevServerOptions options = options().withPorts(taken.getLocalPort(), FreePorts.allocate());

      assertThatThrownBy(() -> DevServer.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "gRPC port 127.0.0.1:" + taken.getLocalPort() + " is already in use");
    }
  }

  @Test
  void quotesTheServerLogWhenItExitsWhileStarting() throws Exception {
    DevServerOptions options = options();
    // A directory where the SQLite file should be: the server cannot open its database.
    Files.createDirectories(options.dbFile());

    assertThatThrownBy(() -> DevServer.start(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("last lines of " + options.logFile())
        .hasMessageContaining(options.dbFile().toString());
  }

  @Test
  void stopsServerOrphanedByKilledJvmBeforeStartingAgain() throws Exception {
    DevServerOptions options = options();
    long orphanPid = -1;
    try (ChildJvm child =
        ChildJvm.start(
            AbandonedDevServerMain.class,
            tempDir.toString(),
            cli.toString(),
            Integer.toString(options.grpcPort()),
            Integer.toString(options.uiPort()))) {
      orphanPid =
          Long.parseLong(child.awaitLine(AbandonedDevServerMain.READY, Duration.ofSeconds(60)));
      assertThatThrownBy(() -> DevServer.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already runs on this database");

      child.kill();
      assertThat(OsProcesses.live(orphanPid)).isPresent();

      try (DevServer server = DevServer.start(options)) {
        assertThat(OsProcesses.live(orphanPid)).isEmpty();
        assertThat(server.pid()).isNotEqualTo(orphanPid);
      }
    } finally {
      // Never leave the orphan behind when an assertion above failed.
      OsProcesses.live(orphanPid).ifPresent(p -> OsProcesses.stop(p, Duration.ofSeconds(5)));
    }
  }

  private DevServerOptions options() {
    return DevServerOptions.forHome(TrawlHome.at(tempDir), cli)
        .withFreePorts()
        .withStartTimeout(Duration.ofSeconds(30));
  }

  private static List<String> customAttributes(DevServer server) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(server.target())
                .validateAndBuildWithDefaults());
    try {
      return List.copyOf(
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
              .getCustomAttributesMap()
              .keySet());
    } finally {
      operator.shutdownNow();
    }
  }

  private static <T> T withStubs(DevServer server, Function<WorkflowServiceStubs, T> call) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    try {
      return call.apply(stubs);
    } finally {
      stubs.shutdownNow();
    }
  }
}
