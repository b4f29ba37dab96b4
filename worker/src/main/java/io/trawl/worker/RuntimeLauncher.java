package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.trawl.activities.store.Migrations;
import io.trawl.worker.config.ConfigException;
import io.trawl.worker.runtime.DataDirectoryInUseException;
import io.trawl.worker.runtime.DatabaseConfig;
import io.trawl.worker.runtime.DevLock;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.RuntimeMode;
import io.trawl.worker.runtime.RuntimeResolution;
import io.trawl.worker.runtime.StartupPhases;
import io.trawl.worker.runtime.TemporalConnection;
import io.trawl.worker.runtime.TrawlHome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link TrawlRuntime} of the mode the environment selects (DESIGN.md, runtime modes).
 */
public final class RuntimeLauncher {
  private static final Consumer<String> NO_NOTICE =
      LoggerFactory.getLogger(RuntimeLauncher.class)::info;

  private RuntimeLauncher() {}

  /** Temporal, a worker (embedded only) and the database. */
  public static TrawlRuntime forWorkflows(Map<String, String> env) {
    return open(env, true, NO_NOTICE);
  }

  /**
   * {@link #forWorkflows(Map)}, telling {@code notice} when it waits for a {@code ./trawl dev} that
   * is still starting.
   */
  public static TrawlRuntime forWorkflows(Map<String, String> env, Consumer<String> notice) {
    return open(env, true, notice);
  }

  /** The database only; in production and attached modes, a Temporal client too. */
  public static TrawlRuntime forDatabase(Map<String, String> env) {
    return open(env, false, NO_NOTICE);
  }

  /** {@link #forDatabase(Map)}, telling {@code notice} when it waits for a starting dev stack. */
  public static TrawlRuntime forDatabase(Map<String, String> env, Consumer<String> notice) {
    return open(env, false, notice);
  }

  /**
   * Clients for a standalone worker: a production cluster or a running {@code ./trawl dev}. An
   * in-memory engine would die with the worker, so the embedded mode is refused.
   *
   * @param notice gets one line when the worker waits for a {@code ./trawl dev} that is starting
   */
  public static TrawlRuntime forWorker(Map<String, String> env, Consumer<String> notice) {
    TrawlHome home = TrawlHome.fromEnvironment(env);
    if (!RuntimeResolution.resolve(env, home, notice).durable()) {
      throw new ConfigException(
          "a worker needs a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
    }
    return open(env, true, notice);
  }

  private static TrawlRuntime open(
      Map<String, String> env, boolean workflows, Consumer<String> notice) {
    TrawlHome home = TrawlHome.fromEnvironment(env);
    RuntimeResolution resolution = RuntimeResolution.resolve(env, home, notice);
    return switch (resolution.mode()) {
      case PRODUCTION -> production(env, resolution, workflows);
      case ATTACHED -> attached(resolution.devLock().orElseThrow(), workflows);
      case EMBEDDED -> embeddedOrLateDev(env, home, workflows, notice);
    };
  }

  /**
   * The embedded runtime, unless a {@code ./trawl dev} began starting after the resolution looked
   * and took the data directory first: then the command waits for it and attaches. Any other holder
   * of the data directory is reported as it is.
   */
  private static TrawlRuntime embeddedOrLateDev(
      Map<String, String> env, TrawlHome home, boolean workflows, Consumer<String> notice) {
    try {
      return embedded(env, home, workflows);
    } catch (DataDirectoryInUseException e) {
      RuntimeResolution again = RuntimeResolution.resolve(env, home, notice);
      if (again.mode() != RuntimeMode.ATTACHED) {
        throw e;
      }
      return attached(again.devLock().orElseThrow(), workflows);
    }
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
    StartupPhases.mark("runtime");
    CompletableFuture<EmbeddedRuntime.Engine> engine =
        workflows ? EmbeddedRuntime.Engine.startAsync(env) : null;
    EmbeddedDatabase database;
    try {
      database = EmbeddedDatabase.start(home);
    } catch (RuntimeException e) {
      if (engine != null) {
        EmbeddedRuntime.Engine.closeWhenStarted(engine);
      }
      throw e;
    }
    StartupPhases.mark("postgres");
    try {
      Migrations.migrate(database.dataSource());
      StartupPhases.mark("migrations");
      return workflows
          ? EmbeddedRuntime.withWorkflows(database, EmbeddedRuntime.Engine.await(engine))
          : EmbeddedRuntime.databaseOnly(database);
    } catch (RuntimeException e) {
      if (engine != null) {
        EmbeddedRuntime.Engine.closeWhenStarted(engine);
      }
      database.close();
      throw e;
    }
  }
}
