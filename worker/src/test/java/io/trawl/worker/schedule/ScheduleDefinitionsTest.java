package io.trawl.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.worker.config.ConfigException;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import io.trawl.workflows.market.MarketCacheCleanupRequest;
import io.trawl.workflows.market.MarketCollectionRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleDefinitionsTest {
  private static final ScheduledWorkflowKinds KINDS = ScheduledWorkflowKinds.standard();
  private static final TrawlConfig CONFIG = TrawlConfigLoader.loadBuiltIn();

  private static ScheduleEntry entry(
      String workflow, String every, String cron, String tz, Map<String, String> args) {
    return new ScheduleEntry("schedules[0]", "s", workflow, every, cron, tz, null, null, args);
  }

  private static ScheduleDefinition define(ScheduleEntry entry) {
    return ScheduleDefinitions.define("trawl.yaml", entry, KINDS, CONFIG);
  }

  @Test
  void buildsAScheduledScrapeWithTheConfiguredInterval() {
    ScheduleDefinition definition =
        define(
            entry(
                "jobs-scrape",
                "6h",
                null,
                null,
                Map.of("query", "Data Engineer", "location", "Netherlands")));

    assertThat(definition.input())
        .isEqualTo(
            ScrapeRequest.forSchedule(
                "Data Engineer",
                "Netherlands",
                CONFIG.jobs().pollDeadline(),
                CONFIG.jobs().minIntervalHours()));
    assertThat(definition.workflowId()).isEqualTo("jobs-scrape/data-engineer/netherlands");
    assertThat(definition.catchupWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(definition.specText()).isEqualTo("every 6h");
  }

  @Test
  void buildsTheDailyLifecycleInItsZone() {
    ScheduleDefinition definition =
        define(entry("jobs-lifecycle", null, "0  2 * * *", "Europe/Amsterdam", Map.of()));

    assertThat(definition.input()).isEqualTo(JobLifecycleRequest.defaults());
    assertThat(definition.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(definition.specText()).isEqualTo("cron \"0 2 * * *\" Europe/Amsterdam");
    assertThat(definition.workflowId()).isEqualTo("jobs-lifecycle");
  }

  @Test
  void buildsTheMarketCollectionEveryFifteenMinutesAndTheHourlyCacheCleanUp() {
    ScheduleDefinition collect =
        define(entry("market-collect", "15m", null, null, Map.of("parallelism", "4")));
    ScheduleDefinition cleanup = define(entry("market-cache-cleanup", "1h", null, null, Map.of()));

    assertThat(collect.input()).isEqualTo(new MarketCollectionRequest(4));
    assertThat(collect.workflowId()).isEqualTo("market-collect");
    assertThat(collect.taskQueue()).isEqualTo("trawl-market");
    assertThat(collect.specText()).isEqualTo("every 15m");
    assertThat(cleanup.input()).isEqualTo(new MarketCacheCleanupRequest("schedule"));
    assertThat(cleanup.workflowId()).isEqualTo("market-cache-cleanup");
  }

  @Test
  void runsStartOnTheKindsQueueUnlessTheEntryNamesAnotherAndTheDigestSeesIt() {
    Map<String, String> search = Map.of("query", "Data Engineer", "location", "Netherlands");
    ScheduleEntry own = entry("jobs-scrape", "6h", null, null, search);
    ScheduleEntry pooled =
        new ScheduleEntry(
            "schedules[0]", "s", "jobs-scrape", "6h", null, null, null, null, search, "pool-b");

    assertThat(define(own).taskQueue()).isEqualTo("trawl-jobs");
    assertThat(define(pooled).taskQueue()).isEqualTo("pool-b");
    assertThat(ScheduleBuilder.digest(define(pooled)))
        .isNotEqualTo(ScheduleBuilder.digest(define(own)));
  }

  @Test
  void refusesATaskQueueWithSpacesNamingTheKey() {
    ScheduleEntry spaced =
        new ScheduleEntry(
            "schedules[0]", "s", "jobs-lifecycle", "1h", null, null, null, null, Map.of(), "a b");

    assertThatThrownBy(() -> define(spaced))
        .hasMessage(
            "trawl.yaml: schedules[0].task_queue: task queue \"a b\" has spaces or control"
                + " characters");
  }

  @Test
  void everyDemoScheduleIsValid() {
    assertThat(ScheduleDefinitions.fromConfig(CONFIG, KINDS))
        .extracting(ScheduleDefinition::name)
        .contains("jobs-lifecycle", "jobs-scrape-data-engineer-netherlands");
  }

  @Test
  void theDigestChangesWithTheDefinitionOnly() {
    ScheduleEntry daily = entry("jobs-lifecycle", null, "0 2 * * *", "Europe/Amsterdam", Map.of());
    ScheduleEntry later = entry("jobs-lifecycle", null, "0 3 * * *", "Europe/Amsterdam", Map.of());

    assertThat(ScheduleBuilder.digest(define(daily)))
        .isEqualTo(ScheduleBuilder.digest(define(daily)))
        .isNotEqualTo(ScheduleBuilder.digest(define(later)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jobs-lifecycle | 0s  |              |                  | trawl.yaml: schedules[0].every"
            + " must be positive, got \"0s\"",
        "jobs-lifecycle |     | 0 2 * *      |                  | trawl.yaml: schedules[0].cron:"
            + " \"0 2 * *\" has 4 fields; expected 5",
        "jobs-lifecycle |     | 0 25 * * *   |                  | trawl.yaml: schedules[0].cron:"
            + " hour \"25\" in \"0 25 * * *\": must be between 0 and 23",
        "jobs-lifecycle |     | @sometimes   |                  | trawl.yaml: schedules[0].cron:"
            + " \"@sometimes\" is not a known shorthand",
        "jobs-lifecycle |     | 0 2 * * fri-mon |               | trawl.yaml: schedules[0].cron:"
            + " day of week \"fri-mon\" in \"0 2 * * fri-mon\": the range runs backwards",
        "jobs-etl-nope  | 1h  |              |                  | trawl.yaml:"
            + " schedules[0].workflow: unknown workflow \"jobs-etl-nope\" (known: jobs-scrape,"
            + " jobs-lifecycle, pharmacy-run, market-collect, market-cache-cleanup,"
            + " maintenance-retention)",
        "market-collect | 2h  |              |                  | trawl.yaml: schedules[0].every:"
            + " market-collect runs every 1m to 60m (15m recommended), got 2h",
        "market-collect | 30s |              |                  | trawl.yaml: schedules[0].every:"
            + " market-collect runs every 1m to 60m (15m recommended), got 30s",
        "jobs-lifecycle |     | 0 2 * * *    | Europe/Amstrdam  | trawl.yaml: schedules[0].tz:"
            + " unknown time zone \"Europe/Amstrdam\"",
        "jobs-scrape    | 6h  |              |                  | trawl.yaml: schedules[0].args:"
            + " jobs-scrape needs the argument query=…",
      })
  void refusesABadScheduleInOneLineNamingTheKey(
      String workflow, String every, String cron, String tz, String message) {
    assertThatThrownBy(() -> define(entry(workflow, every, cron, tz, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void refusesUnknownArgumentsAndJitterAsLongAsTheInterval() {
    assertThatThrownBy(
            () -> define(entry("jobs-lifecycle", "1h", null, null, Map.of("threshold", "3"))))
        .hasMessage(
            "trawl.yaml: schedules[0].args: jobs-lifecycle takes no argument \"threshold\""
                + " (known: threshold_days)");
    ScheduleEntry jittery =
        new ScheduleEntry(
            "schedules[0]", "s", "jobs-lifecycle", "1h", null, null, "1h", null, Map.of());
    assertThatThrownBy(() -> define(jittery))
        .hasMessage("trawl.yaml: schedules[0].jitter: 1h must be shorter than the interval 1h");
  }

  @Test
  void namesCommandLineOptionsTheWayTheUserTypedThem() {
    ScheduleEntry fromCli =
        new ScheduleEntry(
            ScheduleDefinitions.COMMAND_LINE,
            "nightly",
            "jobs-lifecycle",
            null,
            "61 2 * * *",
            null,
            null,
            null,
            Map.of());

    assertThatThrownBy(() -> ScheduleDefinitions.define("schedule create", fromCli, KINDS, CONFIG))
        .hasMessage(
            "schedule create: --cron: minute \"61\" in \"61 2 * * *\": must be between 0 and 59");
  }

  @Test
  void acceptsListsStepsNamesAndShorthands() {
    for (String cron :
        List.of("*/15 * * * *", "0 2 * * mon-fri", "0 0 1,15 jan,jul *", "@daily", "@HOURLY")) {
      assertThat(CronExpression.validate(cron)).isNotBlank();
    }
  }
}
