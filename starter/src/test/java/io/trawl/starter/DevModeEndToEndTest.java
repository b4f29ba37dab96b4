package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.trawl.worker.TemporalClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real Temporal dev server: {@code trawl dev} in its own process, a scrape from
 * "another terminal" attaching to it, the run's history visible through the server, and the SDK's
 * and trawl's metrics on the dev worker's {@code /metrics}.
 */
class DevModeEndToEndTest {
  @TempDir Path home;

  @Test
  void scrapeAgainstTrawlDevIsVisibleThroughTheServerAndItsMetricsAndStopsCleanly()
      throws Exception {
    int metricsPort = DevProcess.freePort();
    try (DevProcess dev =
        DevProcess.start(home, Map.of("TRAWL_METRICS_PORT", Integer.toString(metricsPort)))) {
      dev.awaitReady(Duration.ofMinutes(2));
      assertThat(dev.output())
          .contains("Temporal dev server", "Web UI: http://")
          .contains("metrics: http://localhost:" + metricsPort + "/metrics");
      Map<String, String> env = Map.of("TRAWL_HOME", home.toString());

      CliRun scrape =
          CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");

      assertThat(scrape.exitCode()).as(scrape.err() + dev.output()).isZero();
      assertThat(scrape.err()).contains("attached to ./trawl dev");
      assertThat(scrape.out()).startsWith("Scrape completed: Data Engineer in Netherlands");

      WorkflowClient client = TemporalClients.connect("127.0.0.1:" + dev.grpcPort, "default");
      try {
        ListWorkflowExecutionsResponse listed =
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .listWorkflowExecutions(
                    ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace("default")
                        .setQuery("WorkflowType = 'ScrapeRunWorkflow'")
                        .build());
        assertThat(listed.getExecutionsList()).hasSize(1);
        assertThat(listed.getExecutions(0).getExecution().getWorkflowId())
            .isEqualTo("jobs-scrape/data-engineer/netherlands");
        assertThat(listed.getExecutions(0).getStatus())
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        assertThat(client.fetchHistory("jobs-scrape/data-engineer/netherlands").getEvents())
            .hasSizeGreaterThan(20);
      } finally {
        TemporalClients.close(client);
      }

      CliRun status = CliRun.run(env, "status", "jobs-scrape/data-engineer/netherlands");
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains("completed").contains("web_ui:");

      // The SDK hands its metrics to the registry every second, so the first scrape may be early.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(metricsPort, "/metrics").body().lines())
                      .anyMatch(line -> line.startsWith("temporal_workflow_completed_total{"))
                      .anyMatch(
                          line ->
                              line.startsWith("trawl_runs_total{")
                                  && line.contains("pipeline=\"jobs\"")
                                  && line.contains("status=\"completed\"")));
      HttpResponse<String> health = get(metricsPort, "/healthz");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\":\"ok\"", "\"temporal\":\"ok\"");

      HttpResponse<String> ui =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dev.uiPort + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ui.statusCode()).isEqualTo(200);

      long serverPid =
          Long.parseLong(Files.readString(home.resolve("temporal/server.pid")).split(" ")[0]);
      assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);

      int exit = dev.stop(Duration.ofSeconds(30));
      assertThat(dev.output()).contains("trawl dev: stopped");
      // Workers say goodbye before the server stops, not to a server already gone.
      assertThat(dev.output()).doesNotContain("failed to call shutdown worker");
      assertThat(exit).isIn(0, 130, 143);
      assertThat(Files.exists(home.resolve("dev.lock"))).isFalse();
      assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false))
          .as("the Temporal dev server process is gone")
          .isFalse();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
