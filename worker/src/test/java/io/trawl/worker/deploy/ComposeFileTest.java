package io.trawl.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker-compose.yml brings up the whole stack, and the workers get every setting trawl reads. */
class ComposeFileTest {
  /**
   * Variables the code reads that a container must not get: the Temporal CLI binary is for {@code
   * ./trawl dev} only, PATH belongs to the image.
   */
  // Local-machine settings: the CLI binary and how long a command waits for a starting ./trawl dev.
  private static final Set<String> NOT_FOR_CONTAINERS =
      Set.of("TRAWL_TEMPORAL_CLI", "PATH", "TRAWL_DEV_START_TIMEOUT");

  // Constants named *_ENV / *_VARIABLE / ENV, and literal lookups through env.get or getenv.
  private static final Pattern ENV_CONSTANT =
      Pattern.compile("(?:_ENV|_VARIABLE|\\bENV)\\s*=\\s*\"([A-Z][A-Z0-9_]+)\"");
  private static final Pattern ENV_LOOKUP =
      Pattern.compile("(?:getenv|env\\.get)\\(\\s*\"([A-Z][A-Z0-9_]+)\"\\s*\\)");

  private static final String COMPLETED = "service_completed_successfully";

  private final JsonNode compose = RepoFiles.yaml("docker-compose.yml");
  private final JsonNode services = compose.get("services");

  @Test
  void definesEveryServiceOfTheStack() {
    assertThat(fieldNames(services))
        .contains(
            "trawl-db",
            "temporal-db",
            "temporal-schema",
            "temporal",
            "temporal-ui",
            "trawl-setup",
            "trawl-worker",
            "prometheus",
            "grafana");
  }

  @Test
  void publishesTheWebUiTemporalPrometheusAndGrafanaPorts() {
    assertThat(ports("temporal-ui")).contains("8080:8080");
    assertThat(ports("temporal")).contains("7233:7233");
    assertThat(ports("prometheus")).contains("9090:9090");
    assertThat(ports("grafana")).contains("3000:3000");
    assertThat(services.at("/trawl-worker/expose").toString()).contains("9464");
  }

  @Test
  void temporalHasItsOwnDatabase() {
    assertThat(env("temporal").get("POSTGRES_SEEDS").asText()).isEqualTo("temporal-db");
    assertThat(env("temporal-schema").get("SQL_HOST").asText()).isEqualTo("temporal-db");
    assertThat(env("trawl-worker").get("DATABASE_URL").asText()).contains("trawl-db");
  }

  @Test
  void workersAreReplicatedHealthCheckedAndWaitForTheirDependencies() {
    JsonNode worker = services.get("trawl-worker");
    assertThat(worker.at("/deploy/replicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(worker.at("/healthcheck/test").toString()).contains("/healthz");
    assertThat(worker.at("/depends_on/temporal/condition").asText()).isEqualTo("service_healthy");
    assertThat(worker.at("/depends_on/trawl-db/condition").asText()).isEqualTo("service_healthy");
    assertThat(worker.at("/depends_on/trawl-setup/condition").asText()).isEqualTo(COMPLETED);
    assertThat(services.at("/trawl-setup/command").toString()).contains("setup");
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    Set<String> oneShots = oneShotServices();
    assertThat(oneShots).containsExactlyInAnyOrder("temporal-schema", "trawl-setup");
    for (String name : fieldNames(services)) {
      if (!oneShots.contains(name)) {
        assertThat(services.get(name).has("healthcheck")).as("%s has a healthcheck", name).isTrue();
      }
    }
    for (String name : oneShots) {
      assertThat(services.at("/" + name + "/restart").asText())
          .as("%s runs to completion, not forever", name)
          .matches("no|on-failure(:\\d+)?");
    }
  }

  @Test
  void everyDependsOnNamesAServiceWithACondition() {
    for (String name : fieldNames(services)) {
      JsonNode dependsOn = services.get(name).get("depends_on");
      if (dependsOn == null) {
        continue;
      }
      for (String dependency : fieldNames(dependsOn)) {
        assertThat(services.has(dependency)).as("%s depends on %s", name, dependency).isTrue();
        assertThat(dependsOn.at("/" + dependency + "/condition").asText())
            .as("%s -> %s condition", name, dependency)
            .isIn("service_healthy", "service_started", "service_completed_successfully");
      }
    }
  }

  @Test
  void namedVolumesAreDeclaredAndBindMountsExist() {
    Set<String> declared = new TreeSet<>(fieldNames(compose.get("volumes")));
    for (String name : fieldNames(services)) {
      for (JsonNode volume : services.get(name).path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(RepoFiles.file(source.substring(2))).as("%s mounts %s", name, source).exists();
        } else {
          assertThat(declared).as("%s uses named volume %s", name, source).contains(source);
        }
      }
    }
    assertThat(declared)
        .contains("trawl-db-data", "temporal-db-data", "prometheus-data", "grafana-data");
  }

  @Test
  void workersGetEveryEnvironmentVariableTheCodeReads() {
    Set<String> read = variablesReadByTheCode();
    assertThat(read)
        .as("the scan finds the known ones")
        .contains("TEMPORAL_ADDRESS", "DATABASE_URL");
    read.removeAll(NOT_FOR_CONTAINERS);
    assertThat(fieldNames(env("trawl-worker"))).containsAll(read);
    assertThat(fieldNames(env("trawl-setup"))).containsAll(read);
  }

  @Test
  void noSecretIsWrittenIntoTheFile() {
    assertThat(env("trawl-worker").get("BRIGHTDATA_API_TOKEN").asText())
        .startsWith("${BRIGHTDATA_API_TOKEN");
    assertThat(env("temporal").get("POSTGRES_PWD").asText()).startsWith("${TEMPORAL_DB_PASSWORD");
    assertThat(env("temporal-schema").get("SQL_PASSWORD").asText())
        .isEqualTo(env("temporal").get("POSTGRES_PWD").asText());
    assertThat(env("temporal-db").get("POSTGRES_PASSWORD").asText())
        .isEqualTo(env("temporal").get("POSTGRES_PWD").asText());
    assertThat(env("grafana").get("GF_SECURITY_ADMIN_PASSWORD").asText())
        .startsWith("${GRAFANA_ADMIN_PASSWORD");
  }

  @Test
  void prometheusScrapesTheWorkersAndLoadsTheAlertRules() {
    JsonNode prometheus = RepoFiles.yaml("deploy/prometheus/prometheus.yml");
    assertThat(prometheus.at("/rule_files/0").asText())
        .isEqualTo("/etc/prometheus/trawl-alerts.yml");
    assertThat(services.at("/prometheus/volumes").toString())
        .contains("./deploy/prometheus/trawl-alerts.yml:/etc/prometheus/trawl-alerts.yml");
    JsonNode job = prometheus.at("/scrape_configs/0");
    assertThat(job.at("/dns_sd_configs/0/names/0").asText()).isEqualTo("trawl-worker");
    assertThat(job.at("/dns_sd_configs/0/port").asInt()).isEqualTo(9464);
  }

  /** Services another waits for with {@code service_completed_successfully}: jobs that exit. */
  private Set<String> oneShotServices() {
    Set<String> oneShots = new TreeSet<>();
    for (String name : fieldNames(services)) {
      JsonNode dependsOn = services.get(name).path("depends_on");
      for (String dependency : fieldNames(dependsOn)) {
        if (dependsOn.at("/" + dependency + "/condition").asText().equals(COMPLETED)) {
          oneShots.add(dependency);
        }
      }
    }
    return oneShots;
  }

  private JsonNode env(String service) {
    JsonNode env = services.at("/" + service + "/environment");
    assertThat(env.isObject()).as("%s environment is a map", service).isTrue();
    return env;
  }

  private List<String> ports(String service) {
    List<String> ports = new ArrayList<>();
    services.at("/" + service + "/ports").forEach(p -> ports.add(p.asText()));
    return ports;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> variablesReadByTheCode() {
    Set<String> names = new TreeSet<>();
    for (String module : List.of("workflows", "activities", "sandbox", "worker", "starter")) {
      Path sources = RepoFiles.file(module + "/src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          for (Pattern pattern : List.of(ENV_CONSTANT, ENV_LOOKUP)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
              names.add(m.group(1));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
