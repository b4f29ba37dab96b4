package io.trawl.worker;

import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FakeFileServer;
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

  private ProviderSetup(
      BrightDataClient brightData,
      FakeBrightData brightDataSandbox,
      FakeFileServer files,
      EtlWorkerSettings etl) {
    this.brightData = brightData;
    this.brightDataSandbox = brightDataSandbox;
    this.files = files;
    this.etl = etl;
  }

  public static ProviderSetup fromEnvironment(Map<String, String> env) {
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
        client, sandbox, files, EtlWorkerSettings.fromEnvironment(env, files.baseUrl()));
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
