package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.starter.runs.RunsCommand;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Temporal server, a scrape started by the CLI carries trawl's search attributes, ends
 * with {@code TrawlStatus=completed}, and {@code ./trawl runs} finds it with its Web UI link.
 */
class RunsCommandTest {
  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  @Test
  void listsACompletedScrapeByPipelineAndStatusWithItsWebUiLink() throws Exception {
    Map<String, String> env = env();
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    try (WorkerHost worker =
        WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers)) {
      CliRun scrape =
          CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
      assertThat(scrape.exitCode()).as(scrape.err()).isZero();

      // Visibility is updated asynchronously after the run closes.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                CliRun runs = CliRun.run(env, "runs", "--pipeline", "jobs", "--json");
                assertThat(runs.exitCode()).as(runs.err()).isZero();
                JsonNode rows = new ObjectMapper().readTree(runs.out());
                assertThat(rows).hasSize(1);
                JsonNode row = rows.get(0);
                assertThat(row.get("status").asText()).isEqualTo("completed");
                assertThat(row.get("query").asText()).isEqualTo("Data Engineer");
                assertThat(row.get("location").asText()).isEqualTo("Netherlands");
                assertThat(row.get("link").asText())
                    .startsWith("http://ui.example/namespaces/" + temporal.namespace())
                    .contains("/workflows/");
              });
      CliRun table = CliRun.run(env, "runs", "--status", "completed", "--since", "1d");
      assertThat(table.out())
          .contains("STARTED")
          .contains("jobs")
          .contains("Data Engineer in Netherlands")
          .contains("http://ui.example/");
      CliRun none = CliRun.run(env, "runs", "--status", "failed");
      assertThat(none.out()).contains("No runs match.");
    } finally {
      providers.close();
    }
  }

  @Test
  void refusesWithoutATemporalServer() {
    CliRun run = CliRun.run(Map.of("TRAWL_HOME", home.toString()), "runs");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("runs need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
  }

  private Map<String, String> env() {
    Map<String, String> env = new java.util.HashMap<>(ProductionEnv.of(temporal, db, home));
    env.put(RunsCommand.UI_URL_ENV, "http://ui.example");
    return Map.copyOf(env);
  }
}
