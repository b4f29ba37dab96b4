package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulesConfigTest {
  private static SchedulesConfig parse(String yaml) throws Exception {
    return TrawlConfigLoader.parse(
            "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .section("schedules", SchedulesConfig::parse);
  }

  @Test
  void readsEveryFieldOfAnEntry() throws Exception {
    SchedulesConfig config =
        parse(
            """
            schedules:
              - name: jobs-lifecycle
                workflow: jobs-lifecycle
                cron: "0 2 * * *"
                tz: Europe/Amsterdam
                jitter: 1m
                catchup_window: 2h
                args: {threshold_days: 14}
            """);

    assertThat(config.entries())
        .containsExactly(
            new ScheduleEntry(
                "schedules[0]",
                "jobs-lifecycle",
                "jobs-lifecycle",
                null,
                "0 2 * * *",
                "Europe/Amsterdam",
                "1m",
                "2h",
                Map.of("threshold_days", "14")));
  }

  @Test
  void noSectionMeansNoSchedules() throws Exception {
    assertThat(parse("jobs: {min_interval_hours: 6}").entries()).isEmpty();
  }

  @Test
  void theDemoConfigurationsDeclareTheScrapesAndTheDailyLifecycle() {
    for (TrawlConfig config :
        new TrawlConfig[] {
          TrawlConfigLoader.loadBuiltIn(),
          TrawlConfigLoader.load(java.nio.file.Path.of("../trawl.yaml"))
        }) {
      SchedulesConfig schedules = config.section("schedules", SchedulesConfig::parse);
      assertThat(schedules.entries())
          .filteredOn(entry -> entry.workflow().equals("jobs-scrape"))
          .hasSize(config.jobs().queries().size())
          .allSatisfy(entry -> assertThat(entry.every()).isEqualTo("6h"));
      assertThat(schedules.entries())
          .filteredOn(entry -> entry.name().equals("jobs-lifecycle"))
          .singleElement()
          .satisfies(entry -> assertThat(entry.cron()).isEqualTo("0 2 * * *"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "schedules: {name: x}                                     | trawl.yaml: schedules must be a"
            + " list",
        "schedules: [{workflow: jobs-lifecycle, every: 1h}]       | trawl.yaml: schedules[0].name"
            + " is empty",
        "schedules: [{name: a, workflow: w}]                      | trawl.yaml: schedules[0] needs"
            + " exactly one of every",
        "schedules: [{name: a, workflow: w, every: 1h, cron: x}]  | trawl.yaml: schedules[0] needs"
            + " exactly one of every",
        "schedules: [{name: a, workflow: w, every: 1h, evry: 2}]  | trawl.yaml: unknown key"
            + " schedules[0].evry",
        "schedules: [{name: a, workflow: w, every: 1h, args: 3}]  | trawl.yaml: schedules[0].args"
            + " must be a mapping",
        "schedules: [{name: a, workflow: w, every: 1h}, {name: a, workflow: w, every: 2h}] |"
            + " trawl.yaml: schedules[1].name \"a\" is already used by schedules[0]",
      })
  void namesTheFileAndKeyOfEveryShapeError(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }
}
