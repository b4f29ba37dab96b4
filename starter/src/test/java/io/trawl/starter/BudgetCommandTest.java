package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily budget from the CLI on the embedded default: a scrape settles its cost, {@code trawl
 * budget} shows it, and a budget too small for one run stops the scrape before it pays.
 */
class BudgetCommandTest {
  @TempDir Path home;

  @Test
  void aScrapeSettlesItsCostAndBudgetShowsWhatTheDayHasLeft() {
    Map<String, String> env = Map.of("TRAWL_HOME", home.toString());

    CliRun scrape = CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
    CliRun budget = CliRun.run(env, "budget");
    CliRun json = CliRun.run(env, "budget", "--json");

    assertThat(scrape.exitCode()).as(scrape.err()).isZero();
    assertThat(scrape.out())
        .containsPattern("  Cost: \\$0\\.2\\d for 1\\d\\d records \\(budget brightdata-sandbox");
    assertThat(budget.exitCode()).as(budget.err()).isZero();
    assertThat(budget.out()).contains("BUDGET").contains("REMAINING");
    // 140-odd delivered records at $1.50 per 1,000: about $0.22 of the default $50.
    assertThat(budget.out())
        .containsPattern(
            "brightdata-sandbox +\\S+ +\\$50\\.00 +\\$0\\.2\\d +\\$0\\.00 +\\$49\\.7\\d");
    assertThat(json.out())
        .contains("\"budget\" : \"brightdata-sandbox\"")
        .contains("\"mode\" : \"sandbox\"")
        .contains("\"held_usd\" : 0");
  }

  @Test
  void aBudgetTooSmallForOneRunStopsTheScrapeBeforeItPaysAndNamesTheKey() throws IOException {
    Path config = home.resolve("tight.yaml");
    Files.writeString(
        config,
        """
        budgets:
          zone: Europe/Amsterdam
          brightdata:
            daily_usd: 1.00
            usd_per_1k_records: 1.50
            reserve_records: 1000
        """);
    Map<String, String> env = Map.of("TRAWL_HOME", home.toString());

    CliRun scrape =
        CliRun.run(
            env,
            "jobs",
            "scrape",
            "Data Engineer",
            "--location",
            "Netherlands",
            "--config",
            config.toString());
    CliRun budget = CliRun.run(env, "budget", "--config", config.toString());

    assertThat(scrape.exitCode()).isNotZero();
    assertThat(scrape.out() + scrape.err())
        .contains("daily budget of brightdata-sandbox is exhausted")
        .contains("this run needs $1.50")
        .contains("budgets.brightdata.daily_usd");
    assertThat(budget.out())
        .containsPattern("brightdata-sandbox +\\S+ +\\$1\\.00 +\\$0\\.00 +\\$0\\.00 +\\$1\\.00");
  }

  @Test
  void aWrongBudgetValueIsAOneLineErrorNamingTheKey() throws IOException {
    Path config = home.resolve("bad.yaml");
    Files.writeString(config, "budgets:\n  brightdata:\n    daily_usd: lots\n");

    CliRun budget =
        CliRun.run(Map.of("TRAWL_HOME", home.toString()), "budget", "--config", config.toString());

    assertThat(budget.exitCode()).isEqualTo(2);
    assertThat(budget.err())
        .contains("budgets.brightdata.daily_usd must be a number >= 0 (US dollars), got \"lots\"");
  }
}
