package io.trawl.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.deploy.DashboardQueries;
import io.trawl.worker.etl.EtlWorkerSettings;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a jobs scrape and an ETL run that quarantines its file, {@code /metrics} shows every trawl
 * family and the Temporal SDK's with non-zero values, and {@code /healthz} is ok.
 */
class MetricsEndpointTest {
  private static final String GZ = "cbs-population.csv.gz";
  private static final String WRONG_SHA256 = "0".repeat(64);

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void metricsAfterAScrapeAndAQuarantineShowEveryFamilyWithNonZeroValues() throws Exception {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setMetricsScope(TrawlMetrics.temporalScope())
                .build());
    // One registry per JVM: other tests in this fork may have counted before this one.
    PrometheusText before = new PrometheusText(TrawlMetrics.registry().scrape());
    ProviderSetup providers =
        ProviderSetup.fromEnvironment(Map.of(EtlWorkerSettings.DATA_DIR_ENV, data.toString()));
    try (WorkerHost worker =
            WorkerHost.start(env.getWorkflowClient(), db.getTestDatabase(), providers);
        MetricsServer server =
            MetricsServer.start(
                0, new HealthCheck(db.getTestDatabase(), env.getWorkflowClient()))) {
      ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Netherlands");
      ScrapeRunResult scrape =
          env.getWorkflowClient()
              .newWorkflowStub(
                  ScrapeRunWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(request.workflowId())
                      .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
                      .build())
              .run(request);
      assertThat(scrape.jobsNew()).isPositive();
      EtlSource source =
          new EtlSource(
              "demo",
              "sandbox://files/" + GZ,
              EtlFormat.GZIP,
              WRONG_SHA256,
              1 << 30,
              "demo/" + GZ,
              Map.of());
      EtlOutcome outcome =
          env.getWorkflowClient()
              .newWorkflowStub(
                  EtlSourceWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(source.workflowId())
                      .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                      .build())
              .run(new EtlSourceRequest(source, false, false))
              .outcome();
      assertThat(outcome).isEqualTo(EtlOutcome.QUARANTINED);
      assertThat(DemoFiles.all()).containsKey(GZ);

      // The SDK's metrics reach the registry on tally's one-second report interval.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                PrometheusText metrics = new PrometheusText(get(server, "/metrics").body());
                assertThat(metrics.sum("temporal_workflow_completed_total")).isPositive();
                assertThat(metrics.sum("temporal_activity_execution_latency_seconds_count"))
                    .isPositive();
              });
      PrometheusText metrics = new PrometheusText(get(server, "/metrics").body());
      assertThat(metrics.sum("trawl_records_total")).isPositive();
      for (String outcomeLabel : new String[] {"ingested", "new", "updated", "invalid"}) {
        assertThat(metrics.hasSample("trawl_records_total", "outcome", outcomeLabel))
            .as("trawl_records_total{outcome=%s}", outcomeLabel)
            .isTrue();
      }
      assertThat(metrics.hasSample("trawl_downloaded_bytes_total", "pipeline", "jobs")).isTrue();
      assertThat(metrics.sum("trawl_downloaded_bytes_total")).isPositive();
      assertThat(metrics.sum("trawl_validations_failed_total")).isPositive();
      assertThat(metrics.sum("trawl_quarantined_files_total")).isPositive();
      assertThat(metrics.sum("trawl_run_duration_seconds_count")).isGreaterThanOrEqualTo(2);
      assertThat(metrics.hasSample("trawl_run_duration_seconds_bucket", "pipeline", "jobs"))
          .isTrue();
      assertThat(metrics.hasSample("trawl_run_duration_seconds_bucket", "pipeline", "etl"))
          .isTrue();
      // Paid calls and spending: one sandbox trigger, its records settled against the budget.
      assertThat(metrics.hasSample("trawl_paid_calls_total", "mode", "sandbox")).isTrue();
      assertThat(metrics.sum("trawl_paid_calls_total") - before.sum("trawl_paid_calls_total"))
          .isEqualTo(1);
      assertThat(metrics.sum("trawl_cost_usd_total") - before.sum("trawl_cost_usd_total"))
          .isCloseTo(scrape.jobsFound() * 1.5 / 1000, org.assertj.core.data.Offset.offset(1e-6));
      String sandboxBudget = "{mode=\"sandbox\",provider=\"brightdata\"}";
      assertThat(metrics.value("trawl_budget_limit_usd" + sandboxBudget)).isEqualTo(50);
      assertThat(metrics.value("trawl_budget_remaining_usd" + sandboxBudget))
          .isCloseTo(
              50 - scrape.jobsFound() * 1.5 / 1000, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(metrics.value("trawl_budget_used_ratio" + sandboxBudget)).isPositive();
      // The breaker is exported closed (0); SpendAlertsTest sees it at 1 when it opens.
      assertThat(metrics.hasSample("trawl_breaker_open", "source", "brightdata")).isTrue();
      // Every trawl metric an alert rule reads is one a worker really exports.
      java.util.regex.Matcher used =
          java.util.regex.Pattern.compile("trawl_[a-z_]+")
              .matcher(
                  java.nio.file.Files.readString(
                      io.trawl.worker.deploy.RepoFiles.file("deploy/prometheus/trawl-alerts.yml")));
      while (used.find()) {
        assertThat(metrics.hasFamily(used.group())).as(used.group()).isTrue();
      }
      // Every metric a panel of the Grafana dashboard queries is one a worker really exports.
      for (String name : DashboardQueries.metricNames()) {
        assertThat(metrics.hasFamily(name)).as("dashboard queries %s", name).isTrue();
      }
      // The quarantined download was a miss of the ETL file cache.
      assertThat(metrics.hasSample("trawl_cache_lookups_total", "result", "miss")).isTrue();
      assertThat(metrics.sum("trawl_cache_lookups_total")).isPositive();

      HttpResponse<String> health = get(server, "/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\":\"ok\"").contains("\"temporal\":\"ok\"");
    } finally {
      providers.close();
      env.close();
    }
  }

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
