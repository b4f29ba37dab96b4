package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.trawl.activities.store.Migrations;
import io.trawl.worker.config.ConfigException;
import io.trawl.worker.runtime.DatabaseConfig;
import io.trawl.worker.runtime.DevLock;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.RuntimeResolution;
import io.trawl.worker.runtime.TemporalConnection;
import io.trawl.worker.runtime.TrawlHome;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Opens the {@link TrawlRuntime} of the mode the environment selects (DESIGN.md, runtime modes).
 */
public final class RuntimeLauncher {
  private RuntimeLauncher() {}

  /** Temporal, a worker (embedded only) and the database. */
  public static TrawlRuntime forWorkflows(Map<String, String> env) {
    return open(env, true);
  }

  /** The database only; in production and attached modes, a Temporal client too. */
  public static TrawlRuntime forDatabase(Map<String, String> env) {
    return open(env, false);
  }

  /**
   * Clients for a standalone worker: a production cluster or a running {@code ./trawl dev}. An
   * in-memory engine would die with the worker, so the embedded mode is refused.
   */
  public static TrawlRuntime forWorker(Map<String, String> env) {
    TrawlHome home = TrawlHome.fromEnvironment(env);
    if (!RuntimeResolution.resolve(env, home).durable()) {
      throw new ConfigException(
          "a worker needs a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
    }
    return open(env, true);
  }

  private static TrawlRuntime open(Map<String, String> env, boolean workflows) {
    TrawlHome home = TrawlHome.fromEnvironment(env);
    RuntimeResolution resolution = RuntimeResolution.resolve(env, home);
    return switch (resolution.mode()) {
      case PRODUCTION -> production(env, resolution, workflows);
      case ATTACHED -> attached(resolution.devLock().orElseThrow(), workflows);
      case EMBEDDED -> embedded(env, home, workflows);
    };
  }

  private static TrawlRuntime production(
      Map<String, String> env, RuntimeResolution resolution, boolean workflows) {
    DatabaseConfig database;
    try {
      database = DatabaseConfig.parse(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("production mode (TEMPORAL_ADDRESS is set): " + e.getMessage());
    }
    DataSource dataSource = database.newDataSource();
    Migrations.migrate(dataSource);
    TemporalConnection temporal = resolution.temporal().orElseThrow();
    WorkflowClient client = workflows ? TemporalClients.connect(temporal) : null;
    return new RemoteRuntime(
        client,
        dataSource,
        List.of(temporal.describe(), "database " + database.redactedJdbcUrl()),
        null);
  }

  private static TrawlRuntime attached(DevLock lock, boolean workflows) {
    DataSource dataSource =
        DatabaseConfig.parse(Map.of(DatabaseConfig.URL_ENV, lock.jdbcUrl())).newDataSource();
    WorkflowClient client =
        workflows ? TemporalClients.connect(lock.temporalTarget(), lock.namespace()) : null;
    return new RemoteRuntime(
        client,
        dataSource,
        workflows
            ? List.of(
                "attached to ./trawl dev (pid "
                    + lock.pid()
                    + ", Temporal "
                    + lock.temporalTarget()
                    + ", Web UI "
                    + lock.uiUrl()
                    + ")")
            : List.of(),
        lock.uiUrl());
  }

  private static TrawlRuntime embedded(Map<String, String> env, TrawlHome home, boolean workflows) {
    EmbeddedDatabase database = EmbeddedDatabase.start(home);
    try {
      Migrations.migrate(database.dataSource());
      return workflows
          ? EmbeddedRuntime.withWorkflows(database, env)
          : EmbeddedRuntime.databaseOnly(database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }
}
