package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl worker --pipelines/--task-queue} and {@code --task-queue} on starting commands
 * refuse bad values before connecting to anything.
 */
class WorkerPipelinesUsageTest {
  @TempDir Path home;

  @Test
  void unknownPipelineIsAUsageError() {
    CliRun run =
        CliRun.run(Map.of("TRAWL_HOME", home.toString()), "worker", "--pipelines", "jobs,nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--pipelines: unknown pipeline \"nope\"");
  }

  @Test
  void aTaskQueueWithSpacesIsAUsageError() {
    CliRun run =
        CliRun.run(Map.of("TRAWL_HOME", home.toString()), "worker", "--task-queue", "etl bulk");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--task-queue: task queue \"etl bulk\" has spaces or control characters");
  }

  @Test
  void anotherTaskQueueOnTheInMemoryEngineIsRefusedBecauseNoWorkerCouldServeIt() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "jobs",
            "scrape",
            "Data Engineer",
            "--location",
            "Netherlands",
            "--task-queue",
            "pool-b");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "runs on another --task-queue need a Temporal server: start ./trawl dev or set"
                + " TEMPORAL_ADDRESS");
  }
}
