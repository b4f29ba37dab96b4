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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl chaos crash} with three SIGKILLs of the worker JVM per pipeline, all four pipelines
 * on one dev server: every run completes, jobs and etl lose, duplicate and pay nothing extra, and
 * the command exits 1 exactly when it names a difference.
 */
class ChaosCrashCommandTest {
  /**
   * Pipelines whose paid calls a kill can repeat: a Places lookup or Unlocker request whose request
   * had left when the worker died may be billed and is made again by the retry (the Unlocker's is
   * read again instead, unless the kill fell between the request leaving and its id being
   * recorded). The ledger then books what was billed, or more (a request that left but was never
   * billed), never less; no hold stays open.
   */
  private static final Set<String> REPEAT_PAID_CALLS_ON_CRASH = Set.of("pharmacy", "market");

  /** "ledger places units is 26, expected 24": what the ledger booked, against what was billed. */
  private static final Pattern LEDGER_UNITS =
      Pattern.compile("ledger (\\S+) units is (\\d+), expected (\\d+)");

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
        String text = difference.asText();
        differences.add(name + ": " + text);
        assertThat(text).as("%s leaves a hold open", name).doesNotContain("open holds");
        Matcher units = LEDGER_UNITS.matcher(text);
        if (units.find()) {
          assertThat(Long.parseLong(units.group(2)))
              .as("%s: the ledger books less than was billed: %s", name, text)
              .isGreaterThan(Long.parseLong(units.group(3)));
        }
        if (REPEAT_PAID_CALLS_ON_CRASH.contains(name)) {
          assertThat(text)
              .as("%s may differ only in paid calls repeated by a retry and what they cost", name)
              .containsAnyOf(
                  "billed",
                  "units",
                  "micro-USD",
                  // Market gives a symbol up once its three attempts have all been killed.
                  "rows quotes",
                  "symbols quoted");
        }
      }
      assertThat(pipeline.path("duplicates").asLong()).as(name + " duplicates").isZero();
      if (!name.equals("market")) {
        assertThat(pipeline.path("lost").asLong()).as(name + " lost rows").isZero();
      }
      if (!REPEAT_PAID_CALLS_ON_CRASH.contains(name)) {
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
        .containsPattern(
            "\\d+ double charges(; \\d+ paid calls? (was|were) in flight at a kill and made"
                + " again)?$");
  }
}
