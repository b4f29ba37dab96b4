package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrawlConfigLoaderTest {
  private static TrawlConfig parse(String yaml) throws Exception {
    return TrawlConfigLoader.parse(
        "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsJobQueriesAndDurations() throws Exception {
    TrawlConfig config =
        parse(
            """
            jobs:
              queries:
                - {query: Data Engineer, location: Netherlands}
              poll_deadline: 90m
              min_interval_hours: 3
            """);

    assertThat(config.jobs().queries())
        .containsExactly(new JobSearch("Data Engineer", "Netherlands"));
    assertThat(config.jobs().pollDeadline()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.jobs().minIntervalHours()).isEqualTo(3);
  }

  @Test
  void defaultsEveryValueOfAnEmptyFile() throws Exception {
    TrawlConfig config = parse("");

    assertThat(config.jobs()).isEqualTo(JobsConfig.DEFAULTS);
  }

  @Test
  void theBuiltInDemoHasSearchesForScrapeAll() {
    assertThat(TrawlConfigLoader.loadBuiltIn().jobs().queries()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jobs: {queries: [{query: '', location: NL}]}     | trawl.yaml: jobs.queries[0].query is"
            + " empty",
        "jobs: {queries: [{query: Data}]}                 | trawl.yaml: jobs.queries[0].location is"
            + " empty",
        "jobs: {poll_deadline: soon}                      | trawl.yaml: jobs.poll_deadline is not a"
            + " duration",
        "jobs: {poll_deadline: 0s}                        | trawl.yaml: jobs.poll_deadline must be"
            + " positive",
        "jobs: {poll_deadline: PT-1S}                     | trawl.yaml: jobs.poll_deadline must be"
            + " positive",
        "jobs: {poll_deadline: 999999999999999d}          | trawl.yaml: jobs.poll_deadline is not a"
            + " duration",
        "jobs: {poll_deadline: 99999999999999999999s}     | trawl.yaml: jobs.poll_deadline is not a"
            + " duration",
        "jobs: {min_interval_hours: -1}                   | trawl.yaml: jobs.min_interval_hours"
            + " must be a whole number",
        "jobs: {querys: []}                               | trawl.yaml: unknown key jobs.querys",
        "jbos: {}                                         | trawl.yaml: unknown key jbos",
        "jobs: {queries: nope}                            | trawl.yaml: jobs.queries must be a"
            + " list",
        "'[1, 2'                                          | trawl.yaml: not valid YAML",
        "'jobs: {queries: [{query: \"a\\0b\", location: NL}]}' | trawl.yaml: jobs.queries[0].query"
            + " contains a NUL character",
      })
  void namesTheFileAndKeyOfEveryError(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void prefersTheExplicitPathThenTrawlConfig() {
    assertThatThrownBy(
            () -> TrawlConfigLoader.resolve(null, Map.of("TRAWL_CONFIG", "/no/such/trawl.yaml")))
        .hasMessage("/no/such/trawl.yaml: no such file");
  }
}
