package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code TRAWL_LOG_FORMAT=json} the CLI's log lines are JSON objects, and those written by
 * activities carry the workflow and run ids; no line carries the provider token.
 */
class JsonLogsTest {
  private static final String TOKEN_MARKER = "sandbox-no-credentials";

  @TempDir Path home;

  @Test
  void anEmbeddedScrapeLogsJsonLinesWithWorkflowAndRunIds() throws Exception {
    Path stderr = home.resolve("stderr.log");
    // The shipped logback.xml, not the test one the classpath would pick first.
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile="
                    + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                TrawlCommand.class.getName(),
                "jobs",
                "scrape",
                "Data Engineer",
                "--location",
                "Netherlands")
            .redirectError(stderr.toFile())
            .redirectOutput(home.resolve("stdout.log").toFile());
    builder.environment().remove("TEMPORAL_ADDRESS");
    builder.environment().put("TRAWL_HOME", home.toString());
    builder.environment().put("TRAWL_LOG_FORMAT", "json");
    builder.environment().put("TRAWL_LOG_LEVEL", "INFO");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();

    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(stderr)) {
      if (line.startsWith("{")) {
        lines.add(mapper.readTree(line));
      }
    }
    assertThat(lines).isNotEmpty();
    List<JsonNode> ingest =
        lines.stream()
            .filter(l -> l.path("loggerName").asText().endsWith("ScrapeRunActivitiesImpl"))
            .toList();
    assertThat(ingest).isNotEmpty();
    assertThat(ingest)
        .allSatisfy(
            l -> {
              assertThat(l.at("/mdc/workflow_id").asText())
                  .isEqualTo("jobs-scrape/data-engineer/netherlands");
              assertThat(l.at("/mdc/run_id").asText()).isNotBlank();
            });
    assertThat(Files.readString(stderr)).doesNotContain(TOKEN_MARKER);
  }
}
