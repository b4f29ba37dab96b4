package io.trawl.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs Temporal on its current images: {@code temporalio/server} (1.30 or newer;
 * the deprecated {@code auto-setup} image is gone), a one-shot schema job from {@code
 * temporalio/admin-tools} of the same release, and the stack starts in the order that needs: schema
 * job, server, {@code trawl setup}, workers.
 */
class TemporalComposeTest {
  private static final String COMPLETED = "service_completed_successfully";
  private static final String HEALTHY = "service_healthy";
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private final JsonNode services = RepoFiles.yaml("docker-compose.yml").get("services");

  @Test
  void noServiceRunsTheDeprecatedAutoSetupImage() {
    services.forEach(
        service ->
            assertThat(service.path("image").asText()).doesNotStartWith("temporalio/auto-setup"));
  }

  @Test
  void serverIsTemporal130OrNewerAndTheSchemaJobUsesTheSameRelease() {
    String server = image("temporal");
    assertThat(server).startsWith("temporalio/server:");
    int[] version = version(server);
    assertThat(version[0] * 1000 + version[1]).as(server).isGreaterThanOrEqualTo(1030);

    String tools = image("temporal-schema");
    assertThat(tools).startsWith("temporalio/admin-tools:");
    assertThat(tag(tools)).as("admin-tools tag").isEqualTo(tag(server));
    assertThat(image("temporal-ui")).matches("temporalio/ui:\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void stackStartsSchemaJobThenServerThenSetupThenWorkers() {
    assertThat(condition("temporal-schema", "temporal-db")).isEqualTo(HEALTHY);
    assertThat(condition("temporal", "temporal-schema")).isEqualTo(COMPLETED);
    assertThat(condition("temporal-ui", "temporal")).isEqualTo(HEALTHY);
    assertThat(condition("trawl-setup", "temporal")).isEqualTo(HEALTHY);
    assertThat(condition("trawl-worker", "trawl-setup")).isEqualTo(COMPLETED);
    assertThat(services.at("/temporal/healthcheck/test").toString()).contains("7233");
    assertThat(services.at("/trawl-setup/command").toString()).contains("setup");
  }

  @Test
  void serverReadsPostgres12SettingsThatMatchTheSchemaJob() {
    JsonNode server = services.at("/temporal/environment");
    JsonNode job = services.at("/temporal-schema/environment");
    assertThat(server.path("DB").asText()).isEqualTo("postgres12");
    assertThat(job.path("SQL_PLUGIN").asText()).isEqualTo("postgres12");
    assertThat(server.path("POSTGRES_SEEDS").asText()).isEqualTo(job.path("SQL_HOST").asText());
    assertThat(server.path("DB_PORT").asText())
        .isEqualTo(job.path("SQL_PORT").asText())
        .isEqualTo("5432");
    assertThat(server.path("POSTGRES_USER").asText()).isEqualTo(job.path("SQL_USER").asText());
    assertThat(server.path("POSTGRES_PWD").asText()).isEqualTo(job.path("SQL_PASSWORD").asText());
    // The databases the job prepares are the ones the server's config template opens.
    assertThat(server.path("DBNAME").asText())
        .isEqualTo(job.path("DBNAME").asText())
        .isEqualTo("temporal");
    assertThat(server.path("VISIBILITY_DBNAME").asText())
        .isEqualTo(job.path("VISIBILITY_DBNAME").asText())
        .isEqualTo("temporal_visibility");
    assertThat(server.path("BIND_ON_IP").asText()).isEqualTo("0.0.0.0");
  }

  @Test
  void schemaJobSetsUpAndUpdatesTheDefaultAndVisibilityStores() throws IOException {
    String script = Files.readString(RepoFiles.file(mountedSource("temporal-schema", ".sh")));
    assertThat(services.at("/temporal-schema/entrypoint").toString())
        .contains(mountedTarget("temporal-schema", ".sh"));
    assertThat(script)
        .contains("set -eu")
        .contains("create-database")
        .contains("setup-schema -v 0.0")
        .contains("update-schema -d")
        .contains("/etc/temporal/schema/postgresql/v12")
        .contains("\"${DBNAME:-temporal}\" \"${SCHEMA_ROOT}/temporal/versioned\"")
        .contains(
            "\"${VISIBILITY_DBNAME:-temporal_visibility}\""
                + " \"${SCHEMA_ROOT}/visibility/versioned\"");
  }

  @Test
  void serverDynamicConfigIsAMountedFile() {
    String path = services.at("/temporal/environment/DYNAMIC_CONFIG_FILE_PATH").asText();
    // Relative paths are read from the image's working directory, /etc/temporal.
    assertThat("/etc/temporal/" + path).isEqualTo(mountedTarget("temporal", ".yaml"));
    assertThat(RepoFiles.yaml(mountedSource("temporal", ".yaml")).has("limit.maxIDLength"))
        .isTrue();
  }

  private String condition(String service, String dependency) {
    return services.at("/" + service + "/depends_on/" + dependency + "/condition").asText();
  }

  private String image(String service) {
    return services.at("/" + service + "/image").asText();
  }

  private static String tag(String image) {
    return image.substring(image.lastIndexOf(':') + 1);
  }

  private static int[] version(String image) {
    Matcher m = VERSION.matcher(tag(image));
    assertThat(m.matches()).as("%s is pinned to a release", image).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private String mountedSource(String service, String suffix) {
    return mount(service, suffix)[0].substring(2);
  }

  private String mountedTarget(String service, String suffix) {
    return mount(service, suffix)[1];
  }

  private String[] mount(String service, String suffix) {
    List<String> seen = new ArrayList<>();
    for (JsonNode volume : services.at("/" + service + "/volumes")) {
      String[] parts = volume.asText().split(":");
      seen.add(volume.asText());
      if (parts[0].startsWith("./") && parts[0].endsWith(suffix)) {
        return parts;
      }
    }
    throw new AssertionError(service + " mounts no ./…" + suffix + " file: " + seen);
  }
}
