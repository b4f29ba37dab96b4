package io.trawl.worker.notify;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.etl.EtlWorkerSettings;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.trawl.workflows.notify.NotificationResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A whole worker as production builds it ({@link ProviderSetup} from an environment whose {@code
 * TRAWL_CONFIG} holds the test's notifications, then {@link WorkerHost}) on the Temporal test
 * server, with the Bright Data and file sandboxes over loopback HTTP.
 */
final class NotificationStack implements AutoCloseable {
  final TestWorkflowEnvironment env;
  final ProviderSetup providers;
  final WorkerHost worker;

  /**
   * @param notifications the {@code notifications:} block of trawl.yaml
   * @param environment extra variables of the worker's environment (webhook URLs)
   */
  NotificationStack(
      DataSource dataSource,
      Path directory,
      boolean timeSkipping,
      String notifications,
      Map<String, String> environment)
      throws IOException {
    Path config = Files.writeString(directory.resolve("trawl.yaml"), notifications);
    Map<String, String> variables = new HashMap<>(environment);
    variables.put("TRAWL_CONFIG", config.toString());
    variables.put(EtlWorkerSettings.DATA_DIR_ENV, directory.resolve("data").toString());
    this.env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    this.providers = ProviderSetup.fromEnvironment(variables);
    this.worker = WorkerHost.start(env.getWorkflowClient(), dataSource, providers);
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Arms the Bright Data sandbox's faults through its admin endpoint (camelCase JSON fields). */
  void brightDataFaults(String json) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(providers.sandboxUrls().get("brightdata") + "/__admin/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("arming faults answered " + answer.statusCode());
    }
  }

  /** An untyped stub of a scrape run, so the test can see its execution and failure. */
  WorkflowStub startScrape(ScrapeRequest request) {
    WorkflowStub stub =
        client()
            .newUntypedWorkflowStub(
                ScrapeRunWorkflow.class.getSimpleName(),
                WorkflowOptions.newBuilder()
                    .setWorkflowId(request.workflowId())
                    .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
                    .build());
    stub.start(request);
    return stub;
  }

  WorkflowStub startEtl(EtlSource source) {
    WorkflowStub stub =
        client()
            .newUntypedWorkflowStub(
                EtlSourceWorkflow.class.getSimpleName(),
                WorkflowOptions.newBuilder()
                    .setWorkflowId(source.workflowId())
                    .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                    .build());
    stub.start(new EtlSourceRequest(source, false, false));
    return stub;
  }

  /** The notification child a run started for {@code kind}, by its deterministic id. */
  WorkflowStub notificationOf(String kind, WorkflowExecution run) {
    return client()
        .newUntypedWorkflowStub(
            "notify/" + kind + "/" + run.getWorkflowId() + "/" + run.getRunId());
  }

  NotificationResult resultOf(WorkflowStub notification) {
    return notification.getResult(NotificationResult.class);
  }

  /** The whole history of an execution as JSON, to search for what must not be there. */
  String historyJson(WorkflowExecution execution) {
    return client().fetchHistory(execution.getWorkflowId(), execution.getRunId()).toJson(true);
  }

  @Override
  public void close() {
    worker.close();
    env.close();
    providers.close();
  }
}
