package io.trawl.starter.chaos;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.temporal.client.WorkflowClient;
import io.trawl.activities.store.Migrations;
import io.trawl.worker.DevStack;
import io.trawl.worker.TemporalClients;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.runtime.CliLookup;
import io.trawl.worker.runtime.DevServer;
import io.trawl.worker.runtime.DevServerOptions;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.TemporalCli;
import io.trawl.worker.runtime.TrawlHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a crash run needs besides the worker: the real Temporal dev server as its own process on
 * free ports, an embedded PostgreSQL with one freshly migrated database per pipeline and {@link
 * Side}, all under a temporary TRAWL_HOME, and the built-in demo trawl.yaml written there for both
 * workers.
 */
final class ChaosStack implements AutoCloseable {
  private final Path home;
  private final DevServer server;
  private final EmbeddedDatabase postgres;
  private final WorkflowClient client;
  private final Map<String, HikariDataSource> databases = new HashMap<>();
  private final Path config;

  private ChaosStack(
      Path home, DevServer server, EmbeddedDatabase postgres, WorkflowClient client, Path config) {
    this.home = home;
    this.server = server;
    this.postgres = postgres;
    this.client = client;
    this.config = config;
  }

  /**
   * Starts everything under {@code home}; the Temporal CLI is found (or installed) the way {@code
   * ./trawl dev} finds it, through the user's own TRAWL_HOME, so it is not downloaded per run.
   */
  static ChaosStack start(Map<String, String> env, Path home) {
    TrawlHome state = TrawlHome.at(home);
    CliLookup cli = new TemporalCli(env, TrawlHome.fromEnvironment(env)).findOrInstall();
    Path binary =
        cli.binary()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "chaos crash needs the Temporal dev server: "
                            + cli.detail()
                            + " (set TRAWL_TEMPORAL_CLI or put temporal on PATH)"));
    DevServer server = null;
    EmbeddedDatabase postgres = null;
    try {
      server =
          DevServer.start(
              DevServerOptions.forHome(state, binary)
                  .withFreePorts()
                  .withKeywordSearchAttributes(DevStack.SEARCH_ATTRIBUTES));
      postgres = EmbeddedDatabase.start(state);
      WorkflowClient client =
          TemporalClients.connect(server.target(), DevServerOptions.DEFAULT_NAMESPACE);
      return new ChaosStack(home, server, postgres, client, writeConfig(home));
    } catch (RuntimeException e) {
      if (postgres != null) {
        postgres.close();
      }
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  private static HikariDataSource createDatabase(EmbeddedDatabase postgres, String name) {
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("trawl-chaos-" + name);
    config.setJdbcUrl(jdbcUrl(postgres, name));
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    HikariDataSource pool = new HikariDataSource(config);
    Migrations.migrate(pool);
    return pool;
  }

  private static String jdbcUrl(EmbeddedDatabase postgres, String name) {
    return "jdbc:postgresql://localhost:" + postgres.port() + "/" + name;
  }

  // Both workers read the same configuration, whatever ./trawl.yaml the caller stands beside.
  private static Path writeConfig(Path home) {
    Path file = home.resolve("trawl.yaml");
    try (InputStream in =
        TrawlConfigLoader.class.getClassLoader().getResourceAsStream(TrawlConfigLoader.BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(TrawlConfigLoader.BUILT_IN + " is not on the classpath");
      }
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  WorkflowClient client() {
    return client;
  }

  /**
   * The fresh, migrated database of one side of one pipeline, created on first use: every run
   * starts from empty tables, and one pipeline's ledger never mixes with another's.
   */
  DataSource database(Side side, String pipeline) {
    String name = databaseName(side, pipeline);
    synchronized (databases) {
      HikariDataSource existing = databases.get(name);
      if (existing != null) {
        return existing;
      }
    }
    HikariDataSource created = createDatabase(postgres, name);
    synchronized (databases) {
      databases.put(name, created);
    }
    return created;
  }

  private static String databaseName(Side side, String pipeline) {
    return pipeline + "_" + side.key();
  }

  /**
   * Where one side of one pipeline keeps its worker's TRAWL_HOME, data directory, temporary
   * directory and console output.
   */
  Path directory(Side side, String pipeline) {
    return home.resolve(pipeline).resolve(side.key());
  }

  /** The production-mode environment of a worker of {@code side}, providers aside. */
  Map<String, String> workerEnvironment(Side side, String pipeline, Path dir) {
    return Map.of(
        "TEMPORAL_ADDRESS", server.target(),
        "TEMPORAL_NAMESPACE", server.namespace(),
        "DATABASE_URL", jdbcUrl(postgres, databaseName(side, pipeline)),
        "DATABASE_USER", "postgres",
        "TRAWL_HOME", dir.resolve("home").toString(),
        "TRAWL_DATA_DIR", dir.resolve("data").toString(),
        "TRAWL_CONFIG", config.toString(),
        "TRAWL_METRICS_PORT", "0");
  }

  String temporalTarget() {
    return server.target();
  }

  @Override
  public void close() {
    TemporalClients.close(client);
    synchronized (databases) {
      databases.values().forEach(HikariDataSource::close);
    }
    postgres.close();
    server.close();
  }
}
