package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets one line naming the problem and exit code 2, before anything starts. */
class CliUsageTest {
  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("TRAWL_HOME", home.toString());
  }

  @Test
  void refusesAnUnknownFlagInOneLine() {
    CliRun run = CliRun.run(env(), "jobs", "scrape", "Data", "--location", "NL", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .contains("Unknown option: '--bogus'")
        .contains("trawl jobs scrape --help");
  }

  @Test
  void marketRefusesAnUnknownSourceOrBreakerBeforeStartingAnything() {
    CliRun quotes = CliRun.run(env(), "market", "quotes", "AAPL:US", "--source", "bloomberg");
    assertThat(quotes.exitCode()).isEqualTo(2);
    assertThat(quotes.err())
        .isEqualToIgnoringNewLines(
            "trawl: --source must be cache, bright_data or yahoo, got \"bloomberg\"");

    CliRun reset = CliRun.run(env(), "market", "breakers", "--reset", "cache");
    assertThat(reset.exitCode()).isEqualTo(2);
    assertThat(reset.err())
        .isEqualToIgnoringNewLines("trawl: --reset takes bright_data or yahoo, got \"cache\"");
  }

  @Test
  void refusesAnEmptyQuery() {
    CliRun run = CliRun.run(env(), "jobs", "scrape", "  ", "--location", "Netherlands");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualToIgnoringNewLines(
            "trawl: QUERY is empty: give a search keyword, e.g. \"Data Engineer\", or --all");
  }

  @Test
  void refusesAMissingLocation() {
    CliRun run = CliRun.run(env(), "jobs", "scrape", "Data Engineer");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--location is missing");
  }

  @Test
  void refusesANegativeLookback() {
    CliRun run =
        CliRun.run(env(), "jobs", "scrape", "Data", "--location", "NL", "--lookback-days", "-3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--lookback-days must be 1 or more, got -3");
  }

  @Test
  void refusesAnUnreadableConfigNamingTheFile() {
    Path missing = home.resolve("nope.yaml");
    CliRun run =
        CliRun.run(
            env(), "jobs", "scrape", "Data", "--location", "NL", "--config", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing + ": no such file");
  }

  @Test
  void refusesAConfigWithABadKeyNamingTheKey() throws Exception {
    Path config = home.resolve("trawl.yaml");
    Files.writeString(
        config, "jobs:\n  queries:\n    - query: Data Engineer\n      location: ''\n");

    CliRun run = CliRun.run(env(), "jobs", "scrape", "--all", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(config + ": jobs.queries[0].location is empty");
  }

  @Test
  void detachOnTheEmbeddedEngineSaysWhatToStart() {
    CliRun run = CliRun.run(env(), "jobs", "scrape", "Data", "--location", "NL", "--detach");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
  }

  @Test
  void workerWithoutAServerSaysWhatToStart() {
    CliRun run = CliRun.run(env(), "worker");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a worker needs a Temporal server");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jobs scrape",
        "jobs runs",
        "jobs",
        "status",
        "dev",
        "worker",
        "market quotes",
        "market collect",
        "market symbols add",
        "market symbols remove",
        "market symbols list",
        "market stats",
        "market breakers",
        "chaos crash",
        "maintenance prune",
        ""
      })
  void everyCommandHasHelpWithAnExample(String command) {
    String[] args = (command + " --help").strip().split(" ");

    CliRun run = CliRun.run(env(), args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: trawl");
    if (!command.isEmpty() && !command.equals("jobs")) {
      assertThat(run.out()).contains("Example:");
    }
  }
}
