package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market bench runs a tiny trading day end to end; its figures are for people, only their
 * bookkeeping is asserted: every lookup lands in market_calls as the sandboxes counted it.
 */
class BenchMarketCommandTest {
  @TempDir Path home;

  @Test
  void aTinyTradingDayPrintsTheFiguresFromMarketCallsAndTheSandboxesAlike() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "market",
            "--symbols",
            "2",
            "--interval",
            "60m",
            "--reads",
            "12",
            "--sources",
            "cache,yahoo,bright_data");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // 14:30 to 21:00 every hour: 7 collections of 2 symbols, then the 12 reads.
    assertThat(run.out()).contains("lookups: 26 (14 in 7 collections, 12 on-demand reads)");
    assertThat(run.out())
        .containsPattern("cache hit rate +([0-9.]+) % +\\1 % > 60 %")
        .containsPattern("Bright Data share of provider reqs +([0-9.]+) % +\\1 % < 20 %")
        .containsPattern("Yahoo success rate +([0-9.]+) % +\\1 % > 80 %")
        .containsPattern("cost per day +\\$([0-9.]+) +\\$\\1 <= \\$5.50")
        .containsPattern("Yahoo requests +([1-9][0-9]*) +\\1")
        .containsPattern("yahoo +[0-9]+ / [0-9]+ +[0-9]+ / [0-9]+")
        .contains("no quote: 0");
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .matches("target met|target missed: .+");
    assertThat(home).isDirectoryNotContaining("glob:**/bench-market-*");
  }
}
