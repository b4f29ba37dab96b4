package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.worker.runtime.DevServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl chaos crash} with three SIGKILLs of the worker JVM per pipeline, all four pipelines
 * on one dev server: every run completes, jobs and etl lose, duplicate and pay nothing extra, and
 * the command exits 1 exactly when it names a difference.
 */
class ChaosCrashCommandTest {
  /**
   * Pipelines whose paid calls a kill can repeat today: an attempt killed after its provider call
   * (a Places lookup, an Unlocker page) but before the ledger settled it is made again by the
   * retry, and the killed attempt's hold stays open. Market can also store such an attempt's quote
   * twice, and gives a quote up once its three attempts are all killed. The command reports these
   * as differences; they are asserted to be only of those kinds until the pipelines record a dead
   * attempt's call, and then this set empties.
   */
  private static final Set<String> REPEAT_PAID_CALLS_ON_CRASH = Set.of("pharmacy", "market");

  @TempDir Path home;

  @Test
  void everyPipelineCompletesThroughThreeKillsAndEveryDifferenceIsNamed() throws Exception {
    CliRun run =
        CliRun.run(
            Map.of(
                "TRAWL_HOME", home.toString(),
                "TRAWL_TEMPORAL_CLI", DevServerExtension.temporalCli().toString()),
            "chaos",
            "crash",
            "--pipeline",
            "all",
            "--kills",
            "3",
            "--seed",
            "42",
            "--json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    List<String> differences = new ArrayList<>();
    List<String> pipelines = new ArrayList<>();
    for (JsonNode pipeline : report.path("pipelines")) {
      String name = pipeline.path("pipeline").asText();
      pipelines.add(name);
      assertThat(pipeline.path("completed").asBoolean()).as(name + ": " + run.err()).isTrue();
      assertThat(pipeline.path("kills_landed").asInt()).as(name + " kills").isEqualTo(3);
      for (JsonNode difference : pipeline.path("differences")) {
        differences.add(name + ": " + difference.asText());
        if (!REPEAT_PAID_CALLS_ON_CRASH.contains(name)) {
          continue;
        }
        assertThat(difference.asText())
            .as("%s may differ only in paid calls, the ledger or twice-stored quotes", name)
            .containsAnyOf(
                "billed", "ledger", "duplicates quotes", "rows quotes", "symbols quoted");
      }
      if (!REPEAT_PAID_CALLS_ON_CRASH.contains(name)) {
        assertThat(pipeline.path("lost").asLong()).as(name + " lost rows").isZero();
        assertThat(pipeline.path("duplicates").asLong()).as(name + " duplicates").isZero();
        assertThat(pipeline.path("double_charges").asLong()).as(name + " double charges").isZero();
      }
    }
    assertThat(pipelines).containsExactly("jobs", "etl", "pharmacy", "market");
    assertThat(differences)
        .as("jobs and etl survive crashes exactly")
        .noneMatch(line -> line.startsWith("jobs:") || line.startsWith("etl:"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(differences.isEmpty() ? 0 : 1);
    assertThat(report.path("verdict").asText())
        .startsWith(report.path("kills_survived").asInt() + " kills survived, ")
        .endsWith(" double charges");
  }
}
