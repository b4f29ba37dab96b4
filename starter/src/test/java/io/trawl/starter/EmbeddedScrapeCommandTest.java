package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command on the one-shot embedded default: in-memory Temporal, embedded
 * PostgreSQL under TRAWL_HOME, the Bright Data sandbox. Data survives between commands.
 */
class EmbeddedScrapeCommandTest {
  @TempDir Path home;

  @Test
  void scrapesTwiceThenListsBothRunsFromThePersistentDatabase() {
    Map<String, String> env = Map.of("TRAWL_HOME", home.toString());

    CliRun first = CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("in-memory Temporal test server for this command only");
    assertThat(first.err()).contains("Bright Data: sandbox on http://127.0.0.1:");
    assertThat(first.out()).startsWith("Scrape completed: Data Engineer in Netherlands");
    int found = count(first.out(), "Jobs found");
    int invalid = count(first.out(), "Invalid");
    int duplicates = count(first.out(), "Duplicates");
    assertThat(found).isPositive();
    assertThat(count(first.out(), "New")).isEqualTo(found - invalid - duplicates);

    CliRun second = CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(count(second.out(), "New")).isZero();
    assertThat(count(second.out(), "Updated")).isPositive();
    assertThat(second.out()).contains("Date range: Past 24 hours");

    CliRun runs = CliRun.run(env, "jobs", "runs");
    assertThat(runs.exitCode()).isZero();
    assertThat(runs.out().lines().filter(line -> line.contains("Data Engineer"))).hasSize(2);
    assertThat(runs.out()).contains("completed").contains("Past month").contains("Past 24 hours");
  }

  private static int count(String summary, String label) {
    Matcher matcher =
        Pattern.compile("^  " + label + ": (\\d+)$", Pattern.MULTILINE).matcher(summary);
    assertThat(matcher.find()).as("'%s' in:%n%s", label, summary).isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}
