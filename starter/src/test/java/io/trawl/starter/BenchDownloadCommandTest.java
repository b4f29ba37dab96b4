package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench runs end to end on a tiny file; its speed is for people, not for assertions. */
class BenchDownloadCommandTest {
  @TempDir Path home;

  @Test
  void printsEveryLimitBaselineRatioHeapAndAVerdictForATinyFile() {
    CliRun run = bench("--size", "8m", "--runs", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("8.0 MiB synthetic Parquet file");
    String figure = " +[0-9.]+ +[0-9.]+ +[0-9.]+\n";
    assertThat(run.out())
        .containsPattern("sha-256 from memory \\(limit, 1 core\\)" + figure)
        .containsPattern("write\\+fsync from memory \\(disk limit\\)" + figure)
        .containsPattern("trawl download\\+hash\\+validate\\+write" + figure)
        .containsPattern("ratio: trawl = [0-9.]+x the sha-256 limit \\(target >= 0.75x\\)")
        .containsPattern("bound: .+ at [0-9.]+ GB/s; trawl = [0-9.]+x that bound")
        .containsPattern("peak heap: [0-9.]+ [KM]iB of -Xmx64.0 MiB");
    if (!run.out().contains("curl baselines skipped")) {
      assertThat(run.out())
          .containsPattern("curl -s -o /dev/null URL \\(transfer\\)" + figure)
          .containsPattern("curl -s URL \\| sha256sum \\(baseline\\)" + figure)
          .containsPattern("ratio: trawl = [0-9.]+x curl -s URL \\| sha256sum");
    }
    List<String> lines = run.out().strip().lines().toList();
    assertThat(lines.getLast()).matches("target met|target missed: .+");
    assertThat(home.resolve("bench")).doesNotExist();
  }

  @Test
  void printsOneJsonDocumentWithTheFiguresRatiosAndVerdict() throws Exception {
    CliRun run = bench("--size", "4m", "--runs", "1", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("bytes").asLong()).isEqualTo(4L << 20);
    assertThat(json.get("figures").findValuesAsText("name"))
        .contains(
            "sha-256 from memory (limit, 1 core)",
            "write+fsync from memory (disk limit)",
            "trawl download+hash+validate+write");
    assertThat(json.get("figures").findValues("gb_per_s")).allMatch(v -> v.asDouble() > 0);
    assertThat(json.get("ratios").get("trawl_over_sha256_limit").asDouble()).isPositive();
    assertThat(json.get("peak_heap_bytes").asLong()).isPositive();
    assertThat(json.get("targets").findValuesAsText("name"))
        .containsExactly("trawl over the sha-256 limit", "peak heap");
    assertThat(json.get("verdict").asText()).matches("target met|target missed: .+");
  }

  private CliRun bench(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "bench";
    args[1] = "download";
    System.arraycopy(options, 0, args, 2, options.length);
    return CliRun.run(Map.of("TRAWL_HOME", home.toString()), args);
  }
}
