package io.trawl.worker;

import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.etl.EtlWorkerSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the provider clients from the environment. A provider without credentials gets its local
 * sandbox, started here, and the runs it serves are recorded as {@code provider: sandbox}.
 */
public final class ProviderSetup implements AutoCloseable {
  private final BrightDataClient brightData;
  private final FakeBrightData brightDataSandbox;
  // Serves the sandbox://files/ URLs of ETL sources; needs no credentials, so it always runs.
  private final FakeFileServer files;
  private final EtlWorkerSettings etl;
  // The worker's own reading of trawl.yaml: budgets and notification targets live with the
  // worker, because they hold limits and secret URLs that never travel in workflow inputs.
  private final TrawlConfig config;
  private final Pharmacy pharmacy;
  private final Market market;

  /** The pharmacy pipeline's clients and, for those without credentials, their sandboxes. */
  private record Pharmacy(
      ApifyClient apify, PlacesClient places, FakeApify apifySandbox, FakePlaces placesSandbox) {
    static Pharmacy fromEnvironment(Map<String, String> env) {
      // One universe, so Places verifies the very places the Apify sandbox returned.
      MapsUniverse universe = new MapsUniverse();
      FakeApify apifySandbox = null;
      String apifyUrl = null;
      if (blank(env.get(ApifyConfig.TOKEN_VARIABLE))) {
        apifySandbox = new FakeApify(null, universe, ApifyFaults.none()).start();
        apifyUrl = apifySandbox.baseUrl();
      }
      FakePlaces placesSandbox = null;
      String placesUrl = null;
      if (blank(env.get(PlacesConfig.KEY_VARIABLE))) {
        placesSandbox = new FakePlaces(null, universe, PlacesFaults.none()).start();
        placesUrl = placesSandbox.baseUrl();
      }
      return new Pharmacy(
          new ApifyClient(ApifyConfig.fromEnvironment(env, apifyUrl)),
          new PlacesClient(PlacesConfig.fromEnvironment(env, placesUrl)),
          apifySandbox,
          placesSandbox);
    }

    void close() {
      if (apifySandbox != null) {
        apifySandbox.close();
      }
      if (placesSandbox != null) {
        placesSandbox.close();
      }
    }
  }

  /**
   * The market pipeline's clients: the Bright Data Unlocker (sandbox without {@code
   * BRIGHTDATA_API_TOKEN}) and Yahoo (sandbox without {@code YAHOO_BASE_URL}, so a demo never
   * reaches the real site unasked).
   */
  private record Market(
      UnlockerClient unlocker,
      YahooClient yahoo,
      FakeUnlocker unlockerSandbox,
      FakeYahoo yahooSandbox) {
    static Market fromEnvironment(Map<String, String> env, TrawlConfig config) {
      FakeUnlocker unlockerSandbox = null;
      String unlockerUrl = null;
      if (blank(env.get(UnlockerConfig.TOKEN_VARIABLE))) {
        unlockerSandbox =
            new FakeUnlocker(
                    Clock.systemUTC(),
                    SandboxFaultsVariable.read(
                        env,
                        SandboxFaultsVariable.UNLOCKER,
                        UnlockerFaults.class,
                        UnlockerFaults.none()))
                .start();
        unlockerUrl = unlockerSandbox.baseUrl();
      }
      FakeYahoo yahooSandbox = null;
      String yahooUrl = null;
      if (blank(env.get(YahooConfig.BASE_URL_VARIABLE))) {
        // The sandbox's everyday behaviour: one chart in ten fails, as the real site's do.
        yahooSandbox =
            new FakeYahoo(
                    Clock.systemUTC(),
                    SandboxFaultsVariable.read(
                        env,
                        SandboxFaultsVariable.YAHOO,
                        YahooFaults.class,
                        YahooFaults.defaults()))
                .start();
        yahooUrl = yahooSandbox.baseUrl();
      }
      String zone = MarketConfig.of(config).unlockerZone();
      return new Market(
          new UnlockerClient(UnlockerConfig.fromEnvironment(env, zone, unlockerUrl)),
          new YahooClient(YahooConfig.fromEnvironment(env, yahooUrl)),
          unlockerSandbox,
          yahooSandbox);
    }

    void close() {
      if (unlockerSandbox != null) {
        unlockerSandbox.close();
      }
      if (yahooSandbox != null) {
        yahooSandbox.close();
      }
    }
  }

  private ProviderSetup(
      BrightDataClient brightData,
      FakeBrightData brightDataSandbox,
      FakeFileServer files,
      EtlWorkerSettings etl,
      TrawlConfig config,
      Pharmacy pharmacy,
      Market market) {
    this.brightData = brightData;
    this.brightDataSandbox = brightDataSandbox;
    this.files = files;
    this.etl = etl;
    this.config = config;
    this.pharmacy = pharmacy;
    this.market = market;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The Apify client (the sandbox's when APIFY_TOKEN is unset). */
  public ApifyClient apify() {
    return pharmacy.apify();
  }

  /** The Bright Data Unlocker client (the sandbox's when BRIGHTDATA_API_TOKEN is unset). */
  public UnlockerClient unlocker() {
    return market.unlocker();
  }

  /** The Yahoo chart client (the sandbox's when YAHOO_BASE_URL is unset). */
  public YahooClient yahoo() {
    return market.yahoo();
  }

  /** The Places client (the sandbox's when GOOGLE_PLACES_API_KEY is unset). */
  public PlacesClient places() {
    return pharmacy.places();
  }

  /**
   * Clients for the environment's credentials, and the configuration the CLI uses: {@code
   * TRAWL_CONFIG}, else ./trawl.yaml, else the built-in demo configuration.
   */
  public static ProviderSetup fromEnvironment(Map<String, String> env) {
    TrawlConfig config = TrawlConfigLoader.resolve(null, env);
    String token = env.get("BRIGHTDATA_API_TOKEN");
    FakeBrightData sandbox = null;
    String sandboxUrl = null;
    if (token == null || token.isBlank()) {
      sandbox = new FakeBrightData();
      sandbox.start();
      sandboxUrl = sandbox.baseUrl();
    }
    BrightDataClient client =
        new BrightDataClient(BrightDataConfig.fromEnvironment(env, sandboxUrl));
    FakeFileServer files = DemoFiles.install(new FakeFileServer()).start();
    return new ProviderSetup(
        client,
        sandbox,
        files,
        EtlWorkerSettings.fromEnvironment(env, files.baseUrl()),
        config,
        Pharmacy.fromEnvironment(env),
        Market.fromEnvironment(env, config));
  }

  /** The trawl.yaml this worker reads its budgets and notification targets from. */
  public TrawlConfig config() {
    return config;
  }

  /** The ETL worker's data directory, sandbox file server and environment. */
  public EtlWorkerSettings etl() {
    return etl;
  }

  public BrightDataClient brightData() {
    return brightData;
  }

  /** Base URL of each running sandbox, by provider name (written to the dev lock). */
  public Map<String, String> sandboxUrls() {
    Map<String, String> urls = new java.util.LinkedHashMap<>();
    if (brightDataSandbox != null) {
      urls.put("brightdata", brightDataSandbox.baseUrl());
    }
    urls.put("files", files.baseUrl());
    if (pharmacy.apifySandbox() != null) {
      urls.put("apify", pharmacy.apifySandbox().baseUrl());
    }
    if (pharmacy.placesSandbox() != null) {
      urls.put("places", pharmacy.placesSandbox().baseUrl());
    }
    if (market.unlockerSandbox() != null) {
      urls.put("unlocker", market.unlockerSandbox().baseUrl());
    }
    if (market.yahooSandbox() != null) {
      urls.put("yahoo", market.yahooSandbox().baseUrl());
    }
    return Map.copyOf(urls);
  }

  /** One line per provider saying whether it is real or a sandbox. */
  public List<String> description() {
    List<String> lines = new ArrayList<>();
    if (brightDataSandbox != null) {
      lines.add(
          "Bright Data: sandbox on "
              + brightDataSandbox.baseUrl()
              + " (BRIGHTDATA_API_TOKEN is unset; runs are recorded as provider sandbox)");
    } else {
      lines.add("Bright Data: real API (BRIGHTDATA_API_TOKEN is set)");
    }
    lines.add(
        "ETL: sandbox file server on "
            + files.baseUrl()
            + " serves sandbox://files/ URLs; files go to "
            + etl.dataDirectory());
    lines.add(
        pharmacy.apifySandbox() != null
            ? "Apify: sandbox on "
                + pharmacy.apifySandbox().baseUrl()
                + " (APIFY_TOKEN is unset; pharmacy runs are recorded as provider sandbox)"
            : "Apify: real API (APIFY_TOKEN is set)");
    lines.add(
        pharmacy.placesSandbox() != null
            ? "Google Places: sandbox on "
                + pharmacy.placesSandbox().baseUrl()
                + " (GOOGLE_PLACES_API_KEY is unset)"
            : "Google Places: real API (GOOGLE_PLACES_API_KEY is set)");
    lines.add(
        market.unlockerSandbox() != null
            ? "Bright Data Unlocker: sandbox on "
                + market.unlockerSandbox().baseUrl()
                + " (BRIGHTDATA_API_TOKEN is unset; quotes are recorded as provider sandbox)"
            : "Bright Data Unlocker: real API, zone " + market.unlocker().config().zone());
    lines.add(
        market.yahooSandbox() != null
            ? "Yahoo: sandbox on "
                + market.yahooSandbox().baseUrl()
                + " (YAHOO_BASE_URL is unset; quotes are recorded as provider sandbox)"
            : "Yahoo: " + market.yahoo().config().baseUrl() + " (YAHOO_BASE_URL)");
    return lines;
  }

  @Override
  public void close() {
    if (brightDataSandbox != null) {
      brightDataSandbox.close();
    }
    files.close();
    pharmacy.close();
    market.close();
  }
}
