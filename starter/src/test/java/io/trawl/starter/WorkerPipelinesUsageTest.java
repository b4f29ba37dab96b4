package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trawl worker --pipelines} refuses an unknown pipeline before connecting to anything. */
class WorkerPipelinesUsageTest {
  @TempDir Path home;

  @Test
  void unknownPipelineIsAUsageError() {
    CliRun run =
        CliRun.run(Map.of("TRAWL_HOME", home.toString()), "worker", "--pipelines", "jobs,nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--pipelines: unknown pipeline \"nope\"");
  }
}
