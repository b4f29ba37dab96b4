package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench runs end to end on a tiny file; its speed is for people, not for assertions. */
class BenchDownloadCommandTest {
  @TempDir Path home;

  @Test
  void printsBothSpeedsAndTheRatioForATinyFile() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "download",
            "--size",
            "8m",
            "--runs",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("8.0 MiB synthetic Parquet file");
    assertThat(run.out())
        .containsPattern(
            "trawl download\\+hash\\+validate\\+write +[0-9.]+ s +[0-9.]+ GB/s +\\(-Xmx64m, peak"
                + " heap");
    if (!run.out().contains("baseline skipped")) {
      assertThat(run.out()).containsPattern("curl -s URL \\| sha256sum +[0-9.]+ s +[0-9.]+ GB/s");
      assertThat(run.out()).containsPattern("ratio: [0-9.]+x curl");
    }
    assertThat(home.resolve("bench")).doesNotExist();
  }
}
