package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pharmacy bench runs forty places through the real workflow twice; its timings are for people,
 * its counts are asserted: the repeat is answered by the cache and the first run's verdicts.
 */
class BenchPharmacyCommandTest {
  @TempDir Path home;

  @Test
  void fortyPlacesPrintEveryStageAndARepeatRunWithoutApifyOrPlacesCalls() {
    CliRun run =
        CliRun.run(Map.of("TRAWL_HOME", home.toString()), "bench", "pharmacy", "--places", "40");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("bench pharmacy: 40 places, \"pharmacy\" in 1 cities of 40");
    for (String stage : new String[] {"collection", "dedup", "classification"}) {
      assertThat(run.out())
          .containsPattern(stage + " +40 +[0-9.]+ +[0-9-]+ +[0-9]+ +[0-9.]+ +[0-9-]+");
    }
    assertThat(run.out())
        .containsPattern("verification +[1-9][0-9]* +[0-9.]+ +[0-9]+ +0 +[0-9.]+ +-");
    assertThat(run.out())
        .containsPattern("whole run, wall s +[0-9.]+ +[0-9.]+")
        .containsPattern("unique places +([0-9]+) +\\1")
        .containsPattern("cost \\(sandbox, \\$\\) +[0-9.]*[1-9][0-9.]* +0(\\.0+)?\\n")
        .containsPattern("searches from cache +0 +1")
        .containsPattern("Apify actor runs +1 +0")
        .containsPattern("Apify requests +[1-9][0-9]* +0")
        .containsPattern("Places calls +[1-9][0-9]* +0")
        .containsPattern("unverified after run +0 +0")
        .containsPattern("budgets set: apify \\$[0-9.]+, places \\$[0-9.]+")
        .containsPattern("target: repeat run cost +\\$0 +<= \\$0 +met")
        .contains("target: repeat run Apify calls")
        .containsPattern(
            "target: repeat run Places calls \\(goal: places left unverified\\) +0 +<= 0 +met")
        .contains("target: places unverified after the repeat");
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("target met");
    assertThat(home.resolve("bench")).isEmptyDirectory();
  }

  @Test
  void jsonCarriesBothRunsTheirStagesAndTheVerdict() throws Exception {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()), "bench", "pharmacy", "--places", "20", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("first").path("stages").path("verification").path("places").asLong())
        .isPositive();
    assertThat(json.path("repeat").path("places_calls").asLong()).isZero();
    assertThat(json.path("repeat").path("apify_requests").asLong()).isZero();
    assertThat(json.path("targets")).hasSize(4);
    assertThat(json.path("verdict").asText()).isEqualTo("target met");
  }
}
