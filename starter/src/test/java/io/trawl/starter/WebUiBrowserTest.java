package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser finds a scrape in the Temporal Web UI by its search attribute: headless Chromium
 * (Debian's, driven by playwright-core) filters the list by {@code TrawlPipeline="jobs"}, opens the
 * run and sees its summary. Screenshots stay in {@code target/browser/}.
 *
 * <p>Needs what {@code scripts/install-browser.sh} installs ({@code scripts/test} runs it and sets
 * {@code TRAWL_BROWSER_TOOLS}); skipped without it.
 */
class WebUiBrowserTest {
  private static final String WORKFLOW_ID = "jobs-scrape/data-engineer/netherlands";

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
  void webUiFilteredByTrawlPipelineShowsTheRunAndItsSummary() throws Exception {
    String tools = System.getenv("TRAWL_BROWSER_TOOLS");
    assumeTrue(
        tools != null && Files.isExecutable(Path.of("/usr/bin/chromium")),
        "run scripts/install-browser.sh and set TRAWL_BROWSER_TOOLS (scripts/test does both)");
    Map<String, String> env = env();
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    try (WorkerHost worker =
        WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers)) {
      CliRun scrape =
          CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
      assertThat(scrape.exitCode()).as(scrape.err()).isZero();
    } finally {
      providers.close();
    }

    Path shots = Files.createDirectories(Path.of("target", "browser"));
    Path output = home.resolve("browser.out");
    Process browser =
        new ProcessBuilder(
                List.of(
                    "node",
                    Path.of("src/test/resources/browser/find-run.mjs").toAbsolutePath().toString(),
                    temporal.uiUrl(),
                    temporal.namespace(),
                    WORKFLOW_ID,
                    "jobs scrape: Data Engineer in Netherlands",
                    shots.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(browser.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(output);
    assertThat(browser.exitValue()).as(printed).isZero();
    JsonNode result = new ObjectMapper().readTree(printed.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(result.path("listed").asBoolean()).as(printed).isTrue();
    assertThat(result.path("summary").asBoolean()).as(printed).isTrue();
    assertThat(shots.resolve("workflows-filtered.png")).isNotEmptyFile();
  }

  private Map<String, String> env() {
    return ProductionEnv.of(temporal, db, home);
  }
}
