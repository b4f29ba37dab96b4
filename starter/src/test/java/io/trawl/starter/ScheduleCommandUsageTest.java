package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule commands without a Temporal server, and with bad input: one line, exit code 2,
 * before anything connects.
 */
class ScheduleCommandUsageTest {
  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("TRAWL_HOME", home.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "list",
        "apply",
        "describe jobs-lifecycle",
        "trigger jobs-lifecycle",
        "pause jobs-lifecycle",
        "create nightly --workflow jobs-lifecycle --cron @daily"
      })
  void onTheInMemoryEngineSaysWhatToStart(String command) {
    CliRun run = CliRun.run(env(), ("schedule " + command).split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualToIgnoringNewLines(
            "trawl: schedules need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--cron|0 2 * *|trawl: schedule create: --cron: \"0 2 * *\" has 4 fields; expected 5",
        "--every|0s|trawl: schedule create: --every must be positive, got \"0s\"",
        "--every|soon|trawl: schedule create: --every is not a duration (use 30s, 10m, 2h, 1d), got"
            + " \"soon\"",
      })
  void refusesABadTimingInOneLine(String option, String value, String message) {
    CliRun run =
        CliRun.run(
            env(), "schedule", "create", "nightly", "--workflow", "jobs-lifecycle", option, value);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(message);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void refusesAnUnknownWorkflowNamingTheKnownOnes() {
    CliRun run =
        CliRun.run(env(), "schedule", "create", "x", "--workflow", "etl-nope", "--every", "1h");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "trawl: schedule create: --workflow: unknown workflow \"etl-nope\" (known: jobs-scrape,"
                + " jobs-lifecycle")
        .satisfies(err -> assertThat(err.strip().lines()).hasSize(1));
  }

  @Test
  void refusesAnUnknownZone() {
    CliRun run =
        CliRun.run(
            env(),
            "schedule",
            "create",
            "x",
            "--workflow",
            "jobs-lifecycle",
            "--cron",
            "0 2 * * *",
            "--tz",
            "Mars/Olympus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualToIgnoringNewLines(
            "trawl: schedule create: --tz: unknown time zone \"Mars/Olympus\" (use a region id such"
                + " as Europe/Amsterdam)");
  }

  @Test
  void refusesMissingScrapeArgumentsAndMalformedPairs() {
    CliRun missing =
        CliRun.run(env(), "schedule", "create", "x", "--workflow", "jobs-scrape", "--every", "6h");
    CliRun malformed =
        CliRun.run(
            env(),
            "schedule",
            "create",
            "x",
            "--workflow",
            "jobs-scrape",
            "--every",
            "6h",
            "query");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualToIgnoringNewLines(
            "trawl: schedule create: workflow args: jobs-scrape needs the argument query=…");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("workflow argument \"query\" is not KEY=VALUE");
  }

  @Test
  void refusesBothEveryAndCron() {
    CliRun run =
        CliRun.run(
            env(),
            "schedule",
            "create",
            "x",
            "--workflow",
            "jobs-lifecycle",
            "--every",
            "1h",
            "--cron",
            "@daily");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give exactly one of every (e.g. 6h) or cron");
  }

  @Test
  void applyRefusesADuplicateNameInTheConfigNamingTheFile() throws Exception {
    Path config = home.resolve("trawl.yaml");
    Files.writeString(
        config,
        """
        schedules:
          - {name: nightly, workflow: jobs-lifecycle, cron: "0 2 * * *"}
          - {name: nightly, workflow: jobs-lifecycle, cron: "0 3 * * *"}
        """);

    CliRun run = CliRun.run(env(), "schedule", "apply", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualToIgnoringNewLines(
            "trawl: "
                + config
                + ": schedules[1].name \"nightly\" is already used by schedules[0]; schedule names"
                + " must be unique");
  }

  @Test
  void jobsLifecycleRefusesAThresholdBelowOneDay() {
    CliRun run = CliRun.run(env(), "jobs", "lifecycle", "--threshold-days", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "trawl: --threshold-days must be 1 or more, got 0 (see 'trawl jobs lifecycle --help')");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schedule create", "schedule apply", "schedule list", "schedule describe",
        "schedule trigger", "schedule pause", "schedule unpause", "schedule delete",
        "schedule backfill", "schedule workflows", "jobs lifecycle", "jobs inactive"
      })
  void everyNewCommandHasHelpWithAnExample(String command) {
    CliRun run = CliRun.run(env(), (command + " --help").split(" "));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: trawl " + command).contains("Example");
  }

  @Test
  void listsTheSchedulableWorkflowsFromTheRegistry() {
    CliRun run = CliRun.run(env(), "schedule", "workflows");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("jobs-scrape", "jobs-lifecycle", "threshold_days");
  }
}
