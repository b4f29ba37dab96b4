package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.temporal.client.WorkflowClient;
import io.trawl.sandbox.LoopbackServer;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.llm.FakeLlm;
import io.trawl.sandbox.llm.LlmFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.TemporalClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pipeline run on the real dev server with every credential and webhook URL set to a marker
 * value, against sandboxes that demand those credentials; then no marker may appear in any workflow
 * history, log file or terminal line, printed error (a 401 and a 500 whose bodies quote the token),
 * database table, or {@code --json} output.
 */
class SecretsLeakTest {
  private static final String BRIGHTDATA_TOKEN = "SECRETMARKER-bd-7f3a";
  private static final String APIFY_TOKEN = "SECRETMARKER-apify-91c2";
  private static final String PLACES_KEY = "SECRETMARKER-places-4e8d";
  private static final String LLM_KEY = "SECRETMARKER-llm-2b6f";
  private static final String HOOK_PATH = "SECRETMARKER-hook-5a1e";
  private static final String SLACK_PATH = "SECRETMARKER-slack-c3d9";
  private static final String SLACK_QUERY = "SECRETMARKER-slackq-77e0";
  private static final String ETL_TOKEN = "SECRETMARKER-etl-0d84";
  private static final List<String> MARKERS =
      List.of(
          BRIGHTDATA_TOKEN,
          APIFY_TOKEN,
          PLACES_KEY,
          LLM_KEY,
          HOOK_PATH,
          SLACK_PATH,
          SLACK_QUERY,
          ETL_TOKEN,
          // Every marker's prefix: a secret cut in two by a shortened message still shows.
          "SECRETMARKER");

  @TempDir Path home;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<String> hooksReceived = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T closed(T resource) {
    closing.add(resource);
    return resource;
  }

  @Test
  void noCredentialOrWebhookUrlReachesHistoriesLogsErrorsTheDatabaseOrJsonOutput()
      throws Exception {
    MapsUniverse universe = new MapsUniverse();
    FakeBrightData datasets = closed(new FakeBrightData().start());
    FakeUnlocker unlocker =
        closed(new FakeUnlocker(Clock.systemUTC(), UnlockerFaults.none()).start());
    BrightDataGateway brightData =
        closed(new BrightDataGateway(BRIGHTDATA_TOKEN, datasets.baseUrl(), unlocker.baseUrl()));
    FakeApify apify = closed(new FakeApify(APIFY_TOKEN, universe, ApifyFaults.none()).start());
    FakePlaces places = closed(new FakePlaces(PLACES_KEY, universe, PlacesFaults.none()).start());
    FakeLlm llm = closed(new FakeLlm(LLM_KEY, LlmFaults.none()).start());
    FakeYahoo yahoo = closed(new FakeYahoo(Clock.systemUTC(), YahooFaults.none()).start());
    LoopbackServer hooks = closed(LoopbackServer.start(0, Map.of("/", this::receiveHook)));
    Path config = home.resolve("trawl.yaml");
    Files.writeString(config, CONFIG);

    Map<String, String> env = new HashMap<>();
    env.put("TRAWL_HOME", home.toString());
    env.put("TRAWL_CONFIG", config.toString());
    env.put("BRIGHTDATA_API_TOKEN", BRIGHTDATA_TOKEN);
    env.put("BRIGHTDATA_BASE_URL", brightData.baseUrl());
    env.put("APIFY_TOKEN", APIFY_TOKEN);
    env.put("APIFY_BASE_URL", apify.baseUrl());
    env.put("GOOGLE_PLACES_API_KEY", PLACES_KEY);
    env.put("GOOGLE_PLACES_BASE_URL", places.baseUrl());
    env.put("LLM_API_KEY", LLM_KEY);
    env.put("LLM_BASE_URL", llm.baseUrl());
    env.put("YAHOO_BASE_URL", yahoo.baseUrl());
    env.put("ETL_SOURCE_TOKEN", ETL_TOKEN);
    env.put("TRAWL_TEST_WEBHOOK", hooks.baseUrl() + "/hooks/" + HOOK_PATH);
    env.put(
        "TRAWL_TEST_SLACK", hooks.baseUrl() + "/services/" + SLACK_PATH + "?token=" + SLACK_QUERY);

    LeakScan scan = new LeakScan();
    // The dev stack's terminal as JSON lines at INFO; every command's terminal as text at INFO.
    Map<String, String> devEnv = new HashMap<>(env);
    devEnv.put("TRAWL_LOG_FORMAT", "json");
    devEnv.put("TRAWL_LOG_LEVEL", "INFO");
    Map<String, String> cliEnv = new HashMap<>(env);
    cliEnv.put("TRAWL_LOG_LEVEL", "INFO");
    try (DevProcess dev = DevProcess.start(home, devEnv, CliProcess.SHIPPED_LOGBACK)) {
      dev.awaitReady(Duration.ofMinutes(3));
      assertThat(dev.output())
          .contains("Bright Data: real API", "Apify: real API", "Google Places: real API");

      command(scan, cliEnv, 0, "jobs", "scrape", "Data Engineer", "--location", "NL", "--json");
      String etl = command(scan, cliEnv, 1, "etl", "run", "--json");
      assertThat(etl).as("the wrong checksum quarantines one source").contains("quarantined");
      command(
          scan,
          cliEnv,
          0,
          "pharmacy",
          "run",
          "--query",
          "pharmacy",
          "--location",
          "San Francisco, CA",
          "--json");
      command(scan, cliEnv, 0, "market", "quotes", "AAPL:US", "EURUSD:CUR", "--fresh", "--json");
      command(scan, cliEnv, 0, "market", "collect");

      brightData.failWith(401);
      String refused =
          inProcess(scan, env, 1, "jobs", "scrape", "Data Scientist", "--location", "BE");
      assertThat(refused).contains("401", "BRIGHTDATA_API_TOKEN");
      String refusedQuote =
          inProcess(
              scan, env, 1, "market", "quotes", "MSFT:US", "--source", "bright_data", "--json");
      assertThat(refusedQuote).contains("401");
      brightData.failWith(500);
      String broken =
          inProcess(
              scan, env, 1, "market", "quotes", "GC1:COM", "--source", "bright_data", "--json");
      assertThat(broken).contains("500");
      System.out.println("secrets suite: printed errors:\n" + refused + refusedQuote + broken);
      brightData.failWith(0);

      for (List<String> listing :
          List.of(
              List.of("jobs", "runs", "--json"),
              List.of("pharmacy", "runs", "--json"),
              List.of("pharmacy", "list", "--json"),
              List.of("etl", "manifest", "--json"),
              List.of("etl", "quarantine", "--json"),
              List.of("market", "stats", "--json"),
              List.of("market", "breakers", "--json"),
              List.of("cache", "list", "--json"),
              List.of("budget", "--json"),
              List.of("runs", "--json"),
              List.of("maintenance", "prune", "--dry-run", "--json"))) {
        inProcess(scan, env, 0, listing.toArray(String[]::new));
      }

      WorkflowClient client = TemporalClients.connect("127.0.0.1:" + dev.grpcPort, "default");
      try {
        scan.addHistories(client);
      } finally {
        TemporalClients.close(client);
      }
      String jdbcUrl =
          new ObjectMapper().readTree(home.resolve("dev.lock").toFile()).get("jdbc_url").asText();
      scan.addDatabase(jdbcUrl);
      dev.stop(Duration.ofSeconds(60));
      scan.add("terminal trawl dev", dev.output());
    }
    scan.addFiles(home.resolve("logs"));

    // The secrets did their work: every provider saw its credential, alerts went out.
    assertThat(brightData.authorized()).isPositive();
    assertThat(brightData.refused()).isZero();
    assertThat(apify.runsStarted()).isPositive();
    assertThat(places.requests()).isPositive();
    assertThat(llm.calls()).as("the LLM fallback was asked").isPositive();
    assertThat(hooksReceived)
        .as("alerts reached both webhooks")
        .anyMatch(uri -> uri.contains(HOOK_PATH))
        .anyMatch(uri -> uri.contains(SLACK_PATH) && uri.contains(SLACK_QUERY));
    assertThat(scan.placesNamed("history ")).isGreaterThanOrEqualTo(6);
    assertThat(scan.placesNamed("db ")).isGreaterThanOrEqualTo(20);
    assertThat(scan.placesNamed("file ")).isPositive();

    List<String> leaks = scan.leaks(MARKERS);
    System.out.printf(
        "secrets suite: %d markers x %d places = %d checks (%d histories, %d tables, %d log"
            + " files, %d terminals and --json outputs), %d leaks%n",
        MARKERS.size(),
        scan.places(),
        (long) MARKERS.size() * scan.places(),
        scan.placesNamed("history "),
        scan.placesNamed("db "),
        scan.placesNamed("file "),
        scan.placesNamed("command ") + scan.placesNamed("terminal "),
        leaks.size());
    assertThat(leaks).as("secrets found where they must never be").isEmpty();
  }

  /** Runs one command as its own JVM, records its terminal, checks its exit code. */
  private String command(LeakScan scan, Map<String, String> env, int exit, String... args)
      throws IOException, InterruptedException {
    CliProcess run = CliProcess.run(home, env, args);
    scan.add("command " + String.join(" ", args), run.output());
    assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.output()).isEqualTo(exit);
    return run.output();
  }

  /** Runs one command in this JVM (no start-up cost): what it prints is all that is scanned. */
  private static String inProcess(
      LeakScan scan, Map<String, String> env, int exit, String... args) {
    CliRun run = CliRun.run(env, args);
    String printed = run.out() + run.err();
    scan.add("command " + String.join(" ", args), printed);
    assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + printed).isEqualTo(exit);
    return printed;
  }

  private void receiveHook(HttpExchange exchange) throws IOException {
    try (exchange) {
      hooksReceived.add(exchange.getRequestURI().toString());
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /**
   * One small search per pipeline; an ETL source sending a token header and one quarantined for a
   * wrong checksum; the LLM asked about nearly every place; both webhooks on every alert.
   */
  private static final String CONFIG =
      """
      jobs:
        queries:
          - {query: Data Engineer, location: NL}
      pharmacy:
        max_places: 10
        llm:
          model: sonar
          min_confidence: 0.99
      etl:
        sources:
          - id: population
            url: sandbox://files/cbs-population.csv.gz
            format: gzip
            target: cbs/population.csv.gz
            headers: {Authorization: "Bearer ${env:ETL_SOURCE_TOKEN}"}
          - id: stations
            url: sandbox://files/rivm-stations.json
            format: json
            sha256: "0000000000000000000000000000000000000000000000000000000000000000"
            target: rivm/stations.json
      market:
        symbols: [AAPL:US, EURUSD:CUR]
      notifications:
        - name: ops-json
          url: ${env:TRAWL_TEST_WEBHOOK}
          events: [run_failed, file_quarantined, budget_warning, breaker_opened]
        - name: ops-slack
          url: ${env:TRAWL_TEST_SLACK}
          format: slack
          events: [run_failed, file_quarantined]
      """;
}
