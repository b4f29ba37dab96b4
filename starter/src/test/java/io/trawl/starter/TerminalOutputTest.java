package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.brightdata.FakeBrightData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handled outcomes print no stack traces: on the terminal a one-shot command shows its progress,
 * its summary and one line per problem, while {@code TRAWL_HOME/logs/trawl.log} keeps the Temporal
 * SDK's failure reports with their stack traces.
 */
class TerminalOutputTest {
  private static final String GZIP_REASON = "is not an intact gzip stream";

  @TempDir Path home;

  @Test
  void quarantiningTheReadmesBrokenSourceNamesTheReasonOnceWithoutAStackTrace() throws Exception {
    Map<String, String> env = Map.of("TRAWL_HOME", home.toString());
    assertThat(CliRun.run(env, "etl", "run", "--source", "cbs-population").exitCode()).isZero();
    Path broken = home.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        etl:
          sources:
            - {id: cbs-population, url: "sandbox://files/cbs-population.csv.gz?fault=corrupt", format: gzip, target: cbs/population.csv.gz}
        """);

    CliProcess run = CliProcess.run(home, env, "etl", "run", "--config", broken.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("1 sources: 1 quarantined");
    assertNoStackTrace(run.output());
    assertThat(occurrences(run.output(), GZIP_REASON)).as(run.output()).isEqualTo(1);
    String log = Files.readString(home.resolve("logs/trawl.log"));
    assertThat(log).contains("Activity failure").contains("type='ValidationFailed'");
    assertThat(log.lines()).anyMatch(line -> line.startsWith("\tat "));
  }

  @Test
  void aScrapeWaitingForABuildingSnapshotPrintsNoStackTrace() throws Exception {
    // Two 202 "building" answers that each say "try again in 1s", then the snapshot.
    try (FakeBrightData brightData =
        new FakeBrightData(
                Clock.systemUTC(), FakeBrightData.Faults.builder().snapshotBuilding(2, 1).build())
            .start()) {
      Map<String, String> env =
          Map.of(
              "TRAWL_HOME", home.toString(),
              "BRIGHTDATA_API_TOKEN", "test-token",
              "BRIGHTDATA_BASE_URL", brightData.baseUrl());

      CliProcess run =
          CliProcess.run(home, env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("Scrape completed: Data Engineer in Netherlands");
      assertThat(brightData.requests("snapshot")).isEqualTo(3);
      assertNoStackTrace(run.output());
      assertThat(run.output()).doesNotContain("SnapshotNotReady").doesNotContain("building");
    }
    String log = Files.readString(home.resolve("logs/trawl.log"));
    assertThat(log).contains("type='SnapshotNotReady'");
    assertThat(log.lines()).anyMatch(line -> line.startsWith("\tat "));
  }

  @Test
  void verboseBringsTheStepLinesAndStackTracesBackToTheTerminal() throws Exception {
    Map<String, String> env = Map.of("TRAWL_HOME", home.toString());
    Path broken = home.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        etl:
          sources:
            - {id: cbs-population, url: "sandbox://files/cbs-population.csv.gz?fault=html", format: gzip, target: cbs/population.csv.gz}
        """);

    CliProcess run =
        CliProcess.run(home, env, "etl", "run", "--config", broken.toString(), "--verbose");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("Activity failure").contains("quarantined source=");
    assertThat(run.output().lines()).anyMatch(line -> line.startsWith("\tat "));
  }

  static void assertNoStackTrace(String terminal) {
    assertThat(terminal.lines()).as(terminal).noneMatch(line -> line.startsWith("\tat "));
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
