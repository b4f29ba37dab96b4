package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost bench runs end to end for one search over one day; its figures are printed. */
class BenchCostCommandTest {
  @TempDir Path home;

  @Test
  void printsRecordsPaidForBothModesMissedJobsAndAVerdictForOneSearchAndDay() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "cost",
            "--queries",
            "1",
            "--days",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "date strategy +4 +[0-9,]+ +[0-9.]+ +[0-9,]+ +\\{Past 24 hours=3, Past month=1\\}");
    assertThat(run.out())
        .containsPattern("always past month +4 +[0-9,]+ +[0-9.]+ +[0-9,]+ +\\{Past month=4\\}");
    assertThat(run.out()).containsPattern("strategy pays for [0-9.]+% of the records");
    assertThat(run.out())
        .containsPattern("jobs missed by the strategy: [0-9,]+ \\([0-9,]+ of them malformed");
    assertThat(run.out().strip()).containsPattern("(target met|target missed: .+)$");
    assertThat(home.resolve("bench")).isEmptyDirectory();
  }
}
