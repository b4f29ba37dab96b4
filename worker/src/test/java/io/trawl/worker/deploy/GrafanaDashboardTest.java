package io.trawl.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.worker.MetricsType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is provisioned by the compose stack against its Prometheus, and reads only
 * metric families a worker defines. {@code MetricsEndpointTest} checks the same names against a
 * real worker's scrape.
 */
class GrafanaDashboardTest {
  /** Micrometer's Prometheus suffixes for counters, timers and their histograms. */
  private static final Pattern SUFFIX =
      Pattern.compile("(?:_seconds)?(?:_total|_bucket|_sum|_count|_max)?$");

  private final JsonNode services = RepoFiles.yaml("docker-compose.yml").get("services");
  private final JsonNode grafana = services.get("grafana");
  private final JsonNode dashboard = DashboardQueries.dashboard();

  @Test
  void grafanaLoadsTheDashboardFromTheDirectoryTheComposeFileMounts() {
    String dashboards = mountTarget("./deploy/grafana/dashboards");
    assertThat(mountTarget("./deploy/grafana/provisioning")).isEqualTo("/etc/grafana/provisioning");
    JsonNode provider =
        RepoFiles.yaml("deploy/grafana/provisioning/dashboards/trawl.yml").at("/providers/0");
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.at("/options/path").asText()).isEqualTo(dashboards);
    assertThat(RepoFiles.file(DashboardQueries.DASHBOARD)).exists();
    String home = grafana.at("/environment/GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
    assertThat(home).isEqualTo(dashboards + "/trawl.json");
  }

  @Test
  void everyPanelQueriesTheProvisionedPrometheusDataSource() {
    JsonNode datasource =
        RepoFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
            .at("/datasources/0");
    assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
    URI url = URI.create(datasource.path("url").asText());
    assertThat(services.has(url.getHost())).as("data source host is a compose service").isTrue();
    assertThat(services.at("/" + url.getHost() + "/ports").toString())
        .contains(":" + url.getPort() + "\"");
    assertThat(grafana.at("/depends_on/" + url.getHost() + "/condition").asText())
        .isEqualTo("service_healthy");
    String uid = datasource.path("uid").asText();
    assertThat(uid).isNotBlank();

    List<JsonNode> panels = DashboardQueries.panels(dashboard);
    assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(panel.at("/datasource/uid").asText()).as("panel %s", title).isEqualTo(uid);
      assertThat(panel.path("targets")).as("panel %s has queries", title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.at("/datasource/uid").asText()).as("panel %s", title).isEqualTo(uid);
        assertThat(target.path("expr").asText()).as("panel %s", title).isNotBlank();
      }
    }
  }

  @Test
  void panelsShowRunsRecordsSpendBreakersDownloadsAndWorkerCapacity() {
    assertThat(DashboardQueries.metricNames())
        .contains(
            "trawl_runs_total",
            "trawl_run_duration_seconds_bucket",
            "trawl_records_total",
            "trawl_paid_calls_total",
            "trawl_cost_usd_total",
            "trawl_budget_limit_usd",
            "trawl_budget_remaining_usd",
            "trawl_budget_used_ratio",
            "trawl_breaker_open",
            "trawl_downloaded_bytes_total",
            "trawl_quarantined_files_total",
            "temporal_worker_task_slots_available",
            "temporal_worker_task_slots_used",
            "temporal_workflow_task_schedule_to_start_latency_seconds_count",
            "temporal_activity_schedule_to_start_latency_seconds_count");
    assertThat(DashboardQueries.expressions(dashboard))
        .anyMatch(expr -> expr.contains("outcome=~\"new|updated|invalid\""));
  }

  @Test
  void everyQueriedMetricIsOneTrawlOrTheTemporalSdkDefines() throws Exception {
    Set<String> defined = new TreeSet<>(trawlMetricNames());
    defined.addAll(temporalSdkMetricNames());
    for (String name : DashboardQueries.metricNames()) {
      assertThat(defined).as("%s is defined by TrawlMetrics or the SDK", name).contains(base(name));
    }
  }

  @Test
  void everyDashboardVariableAQueryUsesIsDefined() {
    Set<String> variables = new TreeSet<>();
    dashboard.at("/templating/list").forEach(v -> variables.add(v.path("name").asText()));
    Pattern reference = Pattern.compile("\\$(\\w+)");
    for (String expr : DashboardQueries.expressions(dashboard)) {
      Matcher m = reference.matcher(expr);
      while (m.find()) {
        if (!m.group(1).startsWith("__")) {
          assertThat(variables).as("variable in %s", expr).contains(m.group(1));
        }
      }
    }
    assertThat(dashboard.path("uid").asText()).isNotBlank();
  }

  @Test
  void grafanaIsPinnedPublishedKeepsItsDataAndTakesItsPasswordFromTheEnvironment() {
    assertThat(grafana.path("image").asText()).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
    assertThat(grafana.path("ports").toString()).contains("3000:3000");
    assertThat(grafana.path("volumes").toString()).contains("grafana-data:/var/lib/grafana");
    assertThat(grafana.at("/environment/GF_SECURITY_ADMIN_PASSWORD").asText())
        .startsWith("${GRAFANA_ADMIN_PASSWORD");
    assertThat(grafana.at("/healthcheck/test").toString()).contains("/api/health");
  }

  @Test
  void extractsMetricNamesButNotFunctionsLabelsRangesOrVariables() {
    assertThat(
            DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (le, pipeline)"
                    + " (increase(a_bucket{outcome=~\"x|y\"}[$window]))) / on (pipeline) group_left"
                    + " sum(b_total offset 1h) * 1e3 and max without (instance) (c)"))
        .containsExactly("a_bucket", "b_total", "c");
  }

  private String mountTarget(String source) {
    for (JsonNode volume : grafana.path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts[0].equals(source)) {
        return parts[1];
      }
    }
    throw new AssertionError("grafana does not mount " + source);
  }

  private static String base(String name) {
    return SUFFIX.matcher(name).replaceFirst("");
  }

  /** The names TrawlMetrics registers (Micrometer adds the unit and type suffixes). */
  private static Set<String> trawlMetricNames() throws IOException {
    String source =
        Files.readString(
            RepoFiles.file("worker/src/main/java/io/trawl/worker/metrics/TrawlMetrics.java"));
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\"(trawl_[a-z_]+)\"").matcher(source);
    while (m.find()) {
      names.add(base(m.group(1)));
    }
    return names;
  }

  private static List<String> temporalSdkMetricNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : MetricsType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add(base((String) field.get(null)));
      }
    }
    return names;
  }
}
