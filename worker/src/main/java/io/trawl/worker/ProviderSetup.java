package io.trawl.worker;

import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.etl.EtlWorkerSettings;
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

  private ProviderSetup(
      BrightDataClient brightData,
      FakeBrightData brightDataSandbox,
      FakeFileServer files,
      EtlWorkerSettings etl,
      TrawlConfig config) {
    this.brightData = brightData;
    this.brightDataSandbox = brightDataSandbox;
    this.files = files;
    this.etl = etl;
    this.config = config;
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
    BrightDataClient client = new BrightDataClient(BrightDataConfig.fromEnvironment(env, sandboxUrl));
    FakeFileServer files = DemoFiles.install(new FakeFileServer()).start();
    return new ProviderSetup(
        client, sandbox, files, EtlWorkerSettings.fromEnvironment(env, files.baseUrl()), config);
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
    return brightDataSandbox == null
        ? Map.of("files", files.baseUrl())
        : Map.of("brightdata", brightDataSandbox.baseUrl(), "files", files.baseUrl());
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
    return lines;
  }

  @Override
  public void close() {
    if (brightDataSandbox != null) {
      brightDataSandbox.close();
    }
    files.close();
  }
}
