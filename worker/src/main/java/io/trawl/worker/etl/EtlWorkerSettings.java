package io.trawl.worker.etl;

import io.trawl.worker.runtime.TrawlHome;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an ETL worker needs besides the database: where files go, where the sandbox file server
 * runs, and the environment that {@code ${env:NAME}} header values are read from.
 *
 * @param dataDirectory {@code TRAWL_DATA_DIR}, else {@code TRAWL_HOME/data}
 * @param sandboxFilesUrl base URL of the sandbox file server serving {@code sandbox://files/}, or
 *     null
 * @param environment the worker's environment
 */
public record EtlWorkerSettings(
    Path dataDirectory, String sandboxFilesUrl, Map<String, String> environment) {
  public static final String DATA_DIR_ENV = "TRAWL_DATA_DIR";

  public EtlWorkerSettings {
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
    environment = Map.copyOf(environment);
  }

  public static EtlWorkerSettings fromEnvironment(Map<String, String> env, String sandboxFilesUrl) {
    return new EtlWorkerSettings(dataDirectory(env), sandboxFilesUrl, env);
  }

  /** The data directory the environment selects. */
  public static Path dataDirectory(Map<String, String> env) {
    String configured = env.get(DATA_DIR_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.strip()).toAbsolutePath();
    }
    return TrawlHome.fromEnvironment(env).root().resolve("data");
  }
}
