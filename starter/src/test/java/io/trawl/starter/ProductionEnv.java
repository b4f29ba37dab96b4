package io.trawl.starter;

import io.trawl.worker.runtime.DevServerExtension;
import io.zonky.test.db.postgres.embedded.ConnectionInfo;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment of production mode for a test: {@code TEMPORAL_ADDRESS} at the extension's dev
 * server, {@code DATABASE_URL} at the test database, and a private TRAWL_HOME and data directory.
 */
final class ProductionEnv {
  private ProductionEnv() {}

  static Map<String, String> of(DevServerExtension temporal, PreparedDbExtension db, Path home) {
    ConnectionInfo database = db.getConnectionInfo();
    return Map.of(
        "TEMPORAL_ADDRESS", temporal.target(),
        "TEMPORAL_NAMESPACE", temporal.namespace(),
        "DATABASE_URL",
            "jdbc:postgresql://localhost:" + database.getPort() + "/" + database.getDbName(),
        "DATABASE_USER", database.getUser(),
        "TRAWL_HOME", home.toString(),
        "TRAWL_DATA_DIR", home.resolve("data").toString());
  }
}
