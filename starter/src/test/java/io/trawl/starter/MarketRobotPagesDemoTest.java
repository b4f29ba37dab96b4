package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's robot-page demo on the embedded default: the worker's own Unlocker sandbox answers
 * robot pages, quotes come from Yahoo, and a later command sees the Bright Data breaker open
 * through the database.
 */
class MarketRobotPagesDemoTest {
  @TempDir Path home;

  @Test
  void robotPagesServeQuotesFromYahooAndTheNextCommandShowsTheBrightDataBreakerOpen() {
    Map<String, String> robots =
        Map.of(
            "TRAWL_HOME", home.toString(),
            "TRAWL_SANDBOX_UNLOCKER_FAULTS", "{\"alwaysRobot\": true}",
            "TRAWL_SANDBOX_YAHOO_FAULTS", "{\"faultRate\": 0}");

    CliRun quotes = CliRun.run(robots, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM");
    assertThat(quotes.exitCode()).as(quotes.err()).isZero();
    assertThat(quotes.out().lines().filter(l -> l.matches("^\\S+:\\S+ .* yahoo +\\$0\\.0000$")))
        .hasSize(3);

    CliRun breakers = CliRun.run(Map.of("TRAWL_HOME", home.toString()), "market", "breakers");
    assertThat(breakers.exitCode()).as(breakers.err()).isZero();
    assertThat(breakers.out())
        .containsPattern("(?m)^bright_data +open +3 +3 ")
        .contains("bright_data: closed -> open");
  }

  @Test
  void anUnknownFaultInTheVariableIsNamedWithTheKnownOnes() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString(), "TRAWL_SANDBOX_UNLOCKER_FAULTS", "{\"robot\":1}"),
            "market",
            "quotes",
            "AAPL:US");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains("TRAWL_SANDBOX_UNLOCKER_FAULTS: unknown fault robot; known: robotPages");
  }
}
