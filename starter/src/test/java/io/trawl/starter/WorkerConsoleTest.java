package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code trawl worker}'s console keeps its warnings, but an expected, handled outcome (a 202
 * "building" answer retried after the delay it named, a validation failure that ends in quarantine)
 * is one line without a stack trace.
 */
class WorkerConsoleTest {
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
  void aWorkerPrintsEachHandledOutcomeOnOneLineWithoutAStackTrace() throws Exception {
    try (FakeBrightData brightData =
        new FakeBrightData(
                Clock.systemUTC(), FakeBrightData.Faults.builder().snapshotBuilding(1, 1).build())
            .start()) {
      Map<String, String> env = new HashMap<>(ProductionEnv.of(temporal, db, home));
      env.put("BRIGHTDATA_API_TOKEN", "test-token");
      env.put("BRIGHTDATA_BASE_URL", brightData.baseUrl());
      env.put("TRAWL_METRICS_PORT", "0");
      Path broken = home.resolve("broken.yaml");
      Files.writeString(
          broken,
          """
          etl:
            sources:
              - {id: cbs-population, url: "sandbox://files/cbs-population.csv.gz?fault=corrupt", format: gzip, target: cbs/population.csv.gz}
          """);

      try (WorkerJvm worker =
          WorkerJvm.startWithShippedLogging(env).awaitPolling(Duration.ofSeconds(60))) {
        CliRun scrape =
            CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
        assertThat(scrape.exitCode()).as(scrape.err()).isZero();
        CliRun etl = CliRun.run(env, "etl", "run", "--config", broken.toString());
        assertThat(etl.exitCode()).as(etl.out() + etl.err()).isEqualTo(1);

        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> worker.output().contains("quarantined source=cbs-population"));
        List<String> console = worker.output().lines().toList();
        assertThat(console).as(worker.output()).noneMatch(line -> line.startsWith("\tat "));
        assertThat(console.stream().filter(line -> line.contains("SnapshotNotReady")))
            .as(worker.output())
            .singleElement()
            .asString()
            .contains("WARN")
            .contains("failure=SnapshotNotReady")
            .contains("try again in 1s");
        assertThat(console.stream().filter(line -> line.contains("not an intact gzip stream")))
            .as(worker.output())
            .singleElement()
            .asString()
            .contains("quarantined source=cbs-population check=gzip-stream");
      }
      assertThat(brightData.requests("snapshot")).isEqualTo(2);
    }
  }
}
