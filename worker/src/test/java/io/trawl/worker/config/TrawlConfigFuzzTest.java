package io.trawl.worker.config;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trawl.activities.fuzz.BadInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

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

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> truncatedYaml =
        Arbitraries.of(YAML_SAMPLES)
            .flatMap(
                s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n)));
    return Arbitraries.frequencyOf(
        Tuple.of(6, BadInput.mutated(jsonSamples())),
        Tuple.of(2, truncatedYaml),
        Tuple.of(1, BadInput.text()),
        Tuple.of(1, BadInput.bytesAsText()),
        Tuple.of(1, Arbitraries.just(BILLION_LAUGHS)),
        Tuple.of(1, Arbitraries.integers().between(100, 3_000).map(d -> "jobs: " + "[".repeat(d))));
  }

  @Property(tries = 400)
  void anyDocumentIsAConfigurationOrAConfigException(@ForAll("documents") String yaml) {
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
  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 20_000)
  void everyFieldWithEveryWrongValueIsAConfigurationOrAConfigException(
      @ForAll("everyNode") Tuple.Tuple2<String, Integer> node,
      @ForAll("wrongValues") String wrong) {
    String yaml = BadInput.replaceNode(node.get1(), node.get2(), wrong);

    anyDocumentIsAConfigurationOrAConfigException(yaml);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, Integer>> everyNode() {
    List<Tuple.Tuple2<String, Integer>> nodes = new java.util.ArrayList<>();
    for (String sample : jsonSamples()) {
      for (int i = 0; i < BadInput.nodeCount(sample); i++) {
        nodes.add(Tuple.of(sample, i));
      }
    }
    return Arbitraries.of(nodes);
  }

  @Provide
  Arbitrary<String> wrongValues() {
    return Arbitraries.of(BadInput.WRONG_VALUES.stream().filter(v -> v.length() < 1_000).toList());
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
