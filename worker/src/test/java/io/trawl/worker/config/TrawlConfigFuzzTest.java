package io.trawl.worker.config;

import static io.trawl.activities.fuzz.BadInput.within;
import static io.trawl.activities.fuzz.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * trawl.yaml from the fuzzer, through the loader and every section parser (jobs, budgets, breakers,
 * providers, etl, pharmacy, notifications, schedules): a configuration or a {@link ConfigException}
 * naming the file, never a Jackson, NumberFormat, Arithmetic or NullPointer exception.
 */
class TrawlConfigFuzzTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String SECTIONS =
      """
      providers:
        brightdata: {per_second: 2, concurrency: 4}
      pharmacy:
        queries: [independent pharmacy]
        searches:
          - location: San Francisco, CA
            queries: [pharmacy, compounding pharmacy]
          - locations: [Austin, TX]
        max_places: 50
        verify_scope: all
        cache_ttl: 1d
        classification: {chains: [Bi-Mart]}
        costs: {places_request_usd: 0.035}
      notifications:
        - name: ops-slack
          url: ${env:TRAWL_SLACK_WEBHOOK}
          format: slack
          events: [run_failed, breaker_opened]
        - name: pager
          url: https://alerts.example.com/hook
      """;

  /** Aliases that expand exponentially: the YAML parser must refuse them, not expand them. */
  private static final String BILLION_LAUGHS =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      jobs: {queries: *f}
      """;

  private static final List<String> YAML_SAMPLES = List.of(repositoryTrawlYaml(), SECTIONS);

  private static String repositoryTrawlYaml() {
    try (InputStream demo =
        TrawlConfigLoader.class.getClassLoader().getResourceAsStream(TrawlConfigLoader.BUILT_IN)) {
      Path checkedIn = Path.of("..", "trawl.yaml");
      return Files.isRegularFile(checkedIn)
          ? Files.readString(checkedIn)
          : new String(demo.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML samples as JSON (a YAML subset), so {@link BadInput#mutated} can swap their nodes. */
  private static List<String> jsonSamples() {
    return YAML_SAMPLES.stream()
        .map(
            yaml -> {
              try {
                return YAML.readTree(yaml).toString();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static Generator<String> documents() {
    Generator<String> truncatedYaml =
        Generators.elements(YAML_SAMPLES).flatMap(BadInput::truncations);
    return Generators.frequency(
        weighted(6, BadInput.mutated(jsonSamples())),
        weighted(2, truncatedYaml),
        weighted(1, BadInput.text()),
        weighted(1, BadInput.bytesAsText()),
        weighted(1, Generators.just(BILLION_LAUGHS)),
        weighted(1, Generators.ints(100, 3_000).map(d -> "jobs: " + "[".repeat(d))));
  }

  @Test
  void anyDocumentIsAConfigurationOrAConfigException() {
    Tries.forAll(
        "anyDocumentIsAConfigurationOrAConfigException",
        400,
        documents(),
        TrawlConfigFuzzTest::isAConfigurationOrAConfigException);
  }

  private static void isAConfigurationOrAConfigException(String yaml) {
    Throwable thrown = catchThrowable(() -> within(() -> parseEverySection(yaml)));

    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t ->
                assertThat(t)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("trawl.yaml"));
  }

  /**
   * Every node of every sample (keys' values, list entries, whole sections) swapped for every value
   * of {@link BadInput#WRONG_VALUES}, exhaustively: a random pick would rarely land on the one
   * duration that overflows.
   */
  @Test
  void everyFieldWithEveryWrongValueIsAConfigurationOrAConfigException() {
    Tries.exhaustively(
        "everyFieldWithEveryWrongValueIsAConfigurationOrAConfigException",
        everyNodeWithEveryWrongValue(),
        swap ->
            isAConfigurationOrAConfigException(
                BadInput.replaceNode(swap.json(), swap.node(), swap.wrong())));
  }

  /** Node {@code node} (pre-order) of sample {@code sample}, {@code json}, made {@code wrong}. */
  private record Swap(int sample, String json, int node, String wrong) {
    @Override
    public String toString() {
      return "node " + node + " of sample " + sample + " replaced by " + wrong;
    }
  }

  private static List<Swap> everyNodeWithEveryWrongValue() {
    List<Swap> swaps = new ArrayList<>();
    List<String> samples = jsonSamples();
    for (int s = 0; s < samples.size(); s++) {
      for (int i = 0; i < BadInput.nodeCount(samples.get(s)); i++) {
        for (String wrong : BadInput.WRONG_VALUES) {
          if (wrong.length() < 1_000) {
            swaps.add(new Swap(s, samples.get(s), i, wrong));
          }
        }
      }
    }
    return swaps;
  }

  private static Object parseEverySection(String yaml) throws IOException {
    TrawlConfig config =
        TrawlConfigLoader.parse(
            "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    return List.of(
        config.jobs(),
        SpendConfig.of(config),
        ProviderLimits.of(config),
        CallBudgets.of(config),
        EtlConfig.of(config),
        PharmacyConfig.of(config),
        NotificationsConfig.of(config),
        config.section("schedules", SchedulesConfig::parse));
  }
}
