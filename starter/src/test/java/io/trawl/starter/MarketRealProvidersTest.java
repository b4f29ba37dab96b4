package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code BRIGHTDATA_API_TOKEN}, {@code BRIGHTDATA_BASE_URL} and {@code YAHOO_BASE_URL} set,
 * the README's market commands on the embedded default talk to those servers, unchanged: here an
 * Unlocker account that refuses any other token and a Yahoo that refuses library User-Agents, both
 * started outside trawl.
 */
class MarketRealProvidersTest {
  private static final String TOKEN = "unlocker-token-for-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private final FakeUnlocker unlocker =
      new FakeUnlocker(Clock.systemUTC(), UnlockerFaults.none()).requiringToken(TOKEN).start();
  private final FakeYahoo yahoo = new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start();

  @AfterEach
  void stopProviders() {
    unlocker.close();
    yahoo.close();
  }

  private Map<String, String> env(String token) {
    Map<String, String> env = new HashMap<>();
    env.put("TRAWL_HOME", home.toString());
    env.put("BRIGHTDATA_API_TOKEN", token);
    env.put("BRIGHTDATA_BASE_URL", unlocker.baseUrl());
    env.put("BRIGHTDATA_UNLOCKER_ZONE", FakeUnlocker.ZONE);
    env.put("YAHOO_BASE_URL", yahoo.baseUrl());
    return env;
  }

  @Test
  void theReadmeCommandsQuoteFromTheConfiguredServersAndRecordTheCallsAsReal() throws Exception {
    Map<String, String> env = env(TOKEN);

    CliRun first = CliRun.run(env, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(
            first.out().lines().filter(l -> l.matches("^\\S+:\\S+ .* bright_data +\\$0\\.0015$")))
        .hasSize(3);
    assertThat(first.out() + first.err()).doesNotContain(TOKEN);
    assertThat(unlocker.billedRequests()).isEqualTo(3);

    CliRun again = CliRun.run(env, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out().lines().filter(l -> l.matches("^\\S+:\\S+ .* cache +\\$0\\.0000$")))
        .hasSize(3);
    assertThat(unlocker.requests()).as("the repeat asks no provider").isEqualTo(3);

    CliRun yahooOnly = CliRun.run(env, "market", "quotes", "VOD:LN", "--source", "yahoo");
    assertThat(yahooOnly.exitCode()).as(yahooOnly.err()).isZero();
    assertThat(yahooOnly.out()).containsPattern("(?m)^VOD:LN .* yahoo +\\$0\\.0000$");
    assertThat(yahoo.requests("VOD.L")).isEqualTo(1);

    CliRun stats = CliRun.run(env, "market", "stats", "--json");
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    JsonNode budget = JSON.readTree(stats.out()).get("budget");
    assertThat(budget.get("scope").asText())
        .as("the real account's budget")
        .isEqualTo("brightdata-unlocker");
    assertThat(budget.get("spent_usd").decimalValue()).isEqualByComparingTo("0.0045");
  }

  @Test
  void aTokenTheAccountRefusesIsFinalAndNamesTheVariableToCheck() {
    CliRun refused =
        CliRun.run(env("not-the-token"), "market", "quotes", "AAPL:US", "--source", "bright_data");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains("BRIGHTDATA_API_TOKEN").doesNotContain("not-the-token");
    assertThat(unlocker.requests()).as("a refused token is not retried").isEqualTo(1);
  }
}
