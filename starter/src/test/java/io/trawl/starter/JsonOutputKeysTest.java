package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --json} output uses one key style, snake_case, at every depth: the test
 * runs each command on a real Temporal server with a worker, after runs that fill each table.
 */
class JsonOutputKeysTest {
  private static final Pattern SNAKE_CASE = Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  private final Map<String, JsonNode> outputs = new LinkedHashMap<>();

  @Test
  void everyCommandsJsonKeysAreSnakeCase() throws Exception {
    Map<String, String> env = ProductionEnv.of(temporal, db, home);
    Path broken = home.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        etl:
          sources:
            - {id: cbs-population, url: "sandbox://files/cbs-population.csv.gz?fault=corrupt", format: gzip, target: cbs/population.csv.gz}
        """);
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    try (WorkerHost worker =
        WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers)) {
      json(env, 0, "jobs", "scrape", "Data Engineer", "--location", "Netherlands", "--json");
      JsonNode detached =
          json(
              env,
              0,
              "jobs",
              "scrape",
              "Data Engineer",
              "--location",
              "Belgium",
              "--detach",
              "--json");
      String workflowId = detached.get("workflow_id").asText();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  json(env, 0, "status", workflowId, "--json")
                      .path("status")
                      .asText()
                      .equals("completed"));
      json(env, 0, "jobs", "runs", "--json");
      json(env, 0, "jobs", "lifecycle", "--json");
      json(env, 0, "jobs", "inactive", "--json");
      json(env, 0, "budget", "--json");
      json(env, 0, "etl", "run", "--source", "cbs-population", "--json");
      json(env, 1, "etl", "run", "--config", broken.toString(), "--json");
      json(env, 0, "etl", "manifest", "--json");
      json(env, 0, "etl", "quarantine", "--json");
      json(
          env,
          0,
          "pharmacy",
          "run",
          "--query",
          "pharmacy",
          "--location",
          "Austin, TX",
          "--no-verify",
          "--json");
      json(env, 0, "pharmacy", "runs", "--json");
      json(env, 0, "pharmacy", "list", "--limit", "5", "--json");
      json(env, 0, "market", "quotes", "AAPL:US", "EURUSD:CUR", "--json");
      json(env, 0, "market", "symbols", "list", "--json");
      json(env, 0, "market", "stats", "--json");
      json(env, 0, "market", "breakers", "--json");
      json(env, 0, "cache", "list", "--json");
      assertThat(CliRun.run(env, "schedule", "apply").exitCode()).isZero();
      json(env, 0, "schedule", "list", "--json");
      json(env, 0, "schedule", "describe", "jobs-lifecycle", "--json");
      // Visibility is updated asynchronously after a run closes.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> json(env, 0, "runs", "--json").size() >= 2);
    } finally {
      providers.close();
    }

    List<String> badKeys = new ArrayList<>();
    outputs.forEach((command, output) -> collectBadKeys(command, output, badKeys));
    assertThat(badKeys).as("keys that are not snake_case").isEmpty();
    // Each run filled what its command prints, so nested objects were walked too.
    assertThat(outputs.get("jobs scrape Data Engineer --location Netherlands --json").at("/result"))
        .as("jobs scrape")
        .isNotEmpty();
    assertThat(outputs.get("jobs runs --json")).as("jobs runs").isNotEmpty();
    assertThat(outputs.get("budget --json")).as("budget").isNotEmpty();
    assertThat(outputs.get("etl quarantine --json")).as("etl quarantine").isNotEmpty();
    assertThat(outputs.get("schedule list --json")).as("schedule list").isNotEmpty();
    assertThat(outputs.get("market quotes AAPL:US EURUSD:CUR --json").at("/quotes/0/quote"))
        .as("market quotes")
        .isNotEmpty();
    assertThat(outputs.get("market stats --json").at("/breakers/0"))
        .as("market stats")
        .isNotEmpty();
  }

  /** Runs one command and keeps its parsed output under the command line. */
  private JsonNode json(Map<String, String> env, int exitCode, String... args) throws Exception {
    CliRun run = CliRun.run(env, args);
    assertThat(run.exitCode()).as("%s: %s", String.join(" ", args), run.err()).isEqualTo(exitCode);
    JsonNode output = JSON.readTree(run.out());
    outputs.put(String.join(" ", args), output);
    return output;
  }

  private static void collectBadKeys(String where, JsonNode node, List<String> bad) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (!SNAKE_CASE.matcher(field.getKey()).matches()) {
                  bad.add(where + ": " + field.getKey());
                }
                collectBadKeys(where + " ." + field.getKey(), field.getValue(), bad);
              });
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectBadKeys(where + " []", element, bad);
      }
    }
  }
}
