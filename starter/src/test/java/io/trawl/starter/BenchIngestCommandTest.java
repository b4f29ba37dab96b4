package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest bench runs end to end on a few records; its speed is for people, not assertions. */
class BenchIngestCommandTest {
  @TempDir Path home;

  @Test
  void printsEveryPassBothBaselinesHeapAndAVerdictForATinySnapshot() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "ingest",
            "--records",
            "400",
            "--naive-rows",
            "50");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String number = "[0-9.,]+";
    for (String pass : new String[] {"trawl new", "trawl unchanged", "trawl changed"}) {
      assertThat(run.out()).containsPattern(pass + "( +" + number + "){10}");
    }
    assertThat(run.out()).containsPattern("trawl new +400 .* 400 +0 +400 ");
    assertThat(run.out()).containsPattern("trawl unchanged +400 .* 0 +400 +0 ");
    assertThat(run.out()).containsPattern("trawl changed +400 .* 0 +400 +40 ");
    assertThat(run.out()).containsPattern("naive INSERT +50( +" + number + "){4}");
    assertThat(run.out()).containsPattern("raw COPY \\(limit\\) +400( +" + number + "){4}");
    assertThat(run.out()).containsPattern("peak heap: .* at 100 records, .* at 400 records");
    assertThat(run.out().strip()).containsPattern("(target met|target missed: .+)$");
    assertThat(home.resolve("bench")).isEmptyDirectory();
  }
}
