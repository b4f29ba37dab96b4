package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market commands on a real Temporal server, PostgreSQL and a worker whose Bright Data Unlocker
 * and Yahoo are sandboxes the test holds, so their request counters are what the providers saw.
 */
class MarketCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  // A database per test: statistics count everything in it.
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  private final FakeUnlocker unlocker =
      new FakeUnlocker(Clock.systemUTC(), UnlockerFaults.none()).start();
  private final FakeYahoo yahoo = new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start();
  private Map<String, String> env;
  private ProviderSetup providers;
  private WorkerHost worker;

  @BeforeEach
  void startWorker() {
    env = new HashMap<>(ProductionEnv.of(temporal, db, home));
    // Real-shaped servers: the worker talks to them exactly as to Bright Data and Yahoo.
    env.put("BRIGHTDATA_API_TOKEN", "test-token");
    env.put("BRIGHTDATA_BASE_URL", unlocker.baseUrl());
    env.put("BRIGHTDATA_UNLOCKER_ZONE", FakeUnlocker.ZONE);
    env.put("YAHOO_BASE_URL", yahoo.baseUrl());
    providers = ProviderSetup.fromEnvironment(env);
    worker = WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers);
  }

  @AfterEach
  void stop() {
    worker.close();
    providers.close();
    unlocker.close();
    yahoo.close();
  }

  @Test
  void quotesComeFromBrightDataThenFromTheCacheAtNoCostWithoutAProviderRequest() throws Exception {
    CliRun first = CliRun.run(env, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .containsPattern("(?m)^AAPL:US .* bright_data +\\$0\\.0015$")
        .containsPattern("(?m)^EURUSD:CUR .* USD .* bright_data +\\$0\\.0015$")
        .containsPattern("(?m)^GC1:COM .* bright_data +\\$0\\.0015$")
        .contains("Total cost: $0.0045");
    assertThat(unlocker.requests()).isEqualTo(3);

    CliRun again = CliRun.run(env, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out().lines().filter(l -> l.matches("^\\S+:\\S+ .* cache +\\$0\\.0000$")))
        .hasSize(3);
    assertThat(again.out()).contains("Total cost: $0.0000");
    assertThat(unlocker.requests()).as("no Unlocker request for cached quotes").isEqualTo(3);
    assertThat(yahoo.requests()).as("no Yahoo request for cached quotes").isZero();

    JsonNode quotes = json("market", "quotes", "AAPL:US", "--json");
    assertThat(quotes.at("/quotes/0/quote/source").asText()).isEqualTo("cache");
    assertThat(quotes.at("/cost_usd").decimalValue()).isEqualByComparingTo("0");

    JsonNode stats = json("market", "stats", "--json");
    JsonNode brightData = source(stats.get("sources"), "bright_data");
    assertThat(brightData.get("requests").asLong()).isEqualTo(unlocker.requests());
    assertThat(brightData.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0045");
    assertThat(source(stats.get("sources"), "yahoo").get("requests").asLong()).isZero();
    assertThat(stats.at("/cache/hits").asLong()).isEqualTo(4);
    assertThat(stats.at("/cache/misses").asLong()).isEqualTo(3);
    assertThat(stats.at("/budget/spent_usd").decimalValue()).isEqualByComparingTo("0.0045");
  }

  @Test
  void robotPagesSendQuotesToYahooOpenTheBrightDataBreakerAndAResetFromAnotherProcessClosesIt()
      throws Exception {
    unlocker.faults(UnlockerFaults.builder().alwaysRobot(true).build());
    CliRun robots =
        CliRun.run(env, "market", "quotes", "AAPL:US", "EURUSD:CUR", "GC1:COM", "--fresh");
    assertThat(robots.exitCode()).as(robots.err()).isZero();
    assertThat(robots.out().lines().filter(l -> l.matches("^\\S+:\\S+ .* yahoo +\\$0\\.0000$")))
        .hasSize(3);

    CliRun breakers = CliRun.run(env, "market", "breakers");
    assertThat(breakers.exitCode()).as(breakers.err()).isZero();
    assertThat(breakers.out()).containsPattern("(?m)^bright_data +open ");
    assertThat(breakers.out()).containsPattern("(?m)^yahoo +closed ");

    // While open, the worker does not ask Bright Data even once the robot is gone.
    unlocker.faults(UnlockerFaults.none());
    long asked = unlocker.requests();
    CliRun whileOpen = CliRun.run(env, "market", "quotes", "MSFT:US", "--fresh");
    assertThat(whileOpen.out()).containsPattern("(?m)^MSFT:US .* yahoo ");
    assertThat(unlocker.requests()).isEqualTo(asked);

    // The reset travels through the database only: this JVM's CLI never sees the worker.
    CliProcess reset = CliProcess.run(home, env, "market", "breakers", "--reset", "bright_data");
    assertThat(reset.exitCode()).as(reset.output()).isZero();
    assertThat(reset.output()).containsPattern("(?m)^bright_data +closed ");

    CliRun after = CliRun.run(env, "market", "quotes", "MSFT:US", "--fresh");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).containsPattern("(?m)^MSFT:US .* bright_data +\\$0\\.0015$");
    assertThat(unlocker.requests()).isEqualTo(asked + 1);
  }

  @Test
  void aCollectionQuotesEveryTrackedSymbolAndTheNextOneIsServedFromTheCache() {
    assertThat(CliRun.run(env, "market", "symbols", "add", "NVDA:US").exitCode()).isZero();
    int tracked =
        (int)
            CliRun.run(env, "market", "symbols", "list")
                .out()
                .lines()
                .filter(l -> l.matches("^\\S+:\\S+ .*"))
                .count();
    assertThat(tracked).isGreaterThan(1);

    CliRun first = CliRun.run(env, "market", "collect");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith(
            "Market collection: " + tracked + "/" + tracked + " quoted (bright_data " + tracked);
    assertThat(unlocker.requests()).isEqualTo(tracked);

    CliRun second = CliRun.run(env, "market", "collect");
    assertThat(second.out())
        .startsWith(
            "Market collection: "
                + tracked
                + "/"
                + tracked
                + " quoted (cache "
                + tracked
                + "), $0.0000");
    assertThat(unlocker.requests()).isEqualTo(tracked);
  }

  @Test
  void unknownSymbolIsAUsageErrorNamingIt() {
    CliRun run = CliRun.run(env, "market", "quotes", "AAPL:US", "FOO:XX");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("FOO:XX");
    assertThat(unlocker.requests()).isZero();
  }

  @Test
  void aSymbolNoSourceCanQuoteExitsOneNamingEachSourcesFailure() {
    unlocker.faults(UnlockerFaults.builder().alwaysRobot(true).build());
    yahoo.faults(YahooFaults.builder().faultRate(0).outagePages(100, 503).build());
    CliRun run = CliRun.run(env, "market", "quotes", "NVDA:US", "--fresh");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out())
        .containsPattern("(?m)^No quote for NVDA:US: .*bright_data: failure \\(.*robot.*\\)")
        .containsPattern("(?m)^No quote for NVDA:US: .*yahoo: failure \\(.*503.*\\)");

    CliRun forced =
        CliRun.run(env, "market", "quotes", "AAPL:US", "--fresh", "--source", "bright_data");
    assertThat(forced.exitCode()).as(forced.out() + forced.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(forced.out()).containsPattern("(?m)^No quote for AAPL:US: bright_data .*robot");
  }

  @Test
  void symbolsAreAddedListedAndRemovedInCanonicalForm() throws Exception {
    CliRun add = CliRun.run(env, "market", "symbols", "add", "NVDA", "GBPUSD:CUR");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("Tracking NVDA:US.").contains("Tracking GBPUSD:CUR.");
    assertThat(CliRun.run(env, "market", "symbols", "add", "NVDA:US").out())
        .contains("NVDA:US was already tracked.");

    JsonNode listed = json("market", "symbols", "list", "--json");
    assertThat(listed.findValuesAsText("symbol")).contains("NVDA:US", "GBPUSD:CUR");
    assertThat(listed.findValuesAsText("asset_class")).contains("stocks", "forex");

    CliRun remove = CliRun.run(env, "market", "symbols", "remove", "NVDA");
    assertThat(remove.out()).contains("No longer tracking NVDA:US.");
    assertThat(CliRun.run(env, "market", "symbols", "list").out())
        .doesNotContain("NVDA:US")
        .contains("GBPUSD:CUR");
    assertThat(CliRun.run(env, "market", "symbols", "add", "FOO:XX").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  private JsonNode json(String... args) throws Exception {
    CliRun run = CliRun.run(env, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static JsonNode source(JsonNode sources, String name) {
    for (JsonNode source : sources) {
      if (source.get("source").asText().equals(name)) {
        return source;
      }
    }
    throw new AssertionError("no " + name + " in " + sources);
  }
}
