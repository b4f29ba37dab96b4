package io.trawl.worker;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.StartupPhases;
import io.trawl.workflows.common.RunAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * The one-shot embedded default: for this command's lifetime, the in-process Temporal test server,
 * a worker and the sandboxes, over the persistent embedded PostgreSQL. Histories live in memory;
 * the trawl database keeps runs and jobs between commands.
 */
final class EmbeddedRuntime implements TrawlRuntime {
  private final EmbeddedDatabase database;
  private final TestWorkflowEnvironment engine;
  private final ProviderSetup providers;
  private final WorkerHost worker;

  private EmbeddedRuntime(
      EmbeddedDatabase database,
      TestWorkflowEnvironment engine,
      ProviderSetup providers,
      WorkerHost worker) {
    this.database = database;
    this.engine = engine;
    this.providers = providers;
    this.worker = worker;
  }

  /** Database only: enough for history and report commands. */
  static EmbeddedRuntime databaseOnly(EmbeddedDatabase database) {
    return new EmbeddedRuntime(database, null, null, null);
  }

  /**
   * The sandboxes and the in-memory Temporal server: what a run needs besides the database, and
   * nothing of it, so it starts on its own thread while PostgreSQL starts (a warm one-shot command
   * spends a second or more in each).
   */
  record Engine(ProviderSetup providers, TestWorkflowEnvironment temporal)
      implements AutoCloseable {
    static CompletableFuture<Engine> startAsync(Map<String, String> env) {
      CompletableFuture<Engine> started = new CompletableFuture<>();
      Thread.ofPlatform()
          .name("trawl-engine-start")
          .start(
              () -> {
                try {
                  started.complete(start(env));
                } catch (Throwable e) {
                  started.completeExceptionally(e);
                }
              });
      return started;
    }

    private static Engine start(Map<String, String> env) {
      ProviderSetup providers = ProviderSetup.fromEnvironment(env);
      StartupPhases.mark("sandboxes");
      try {
        // Real time, not time skipping: polling waits should match what a real server would do.
        TestWorkflowEnvironment temporal =
            TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        // Runs are started with trawl's search attributes; the test server checks they exist.
        RunAttributes.NAMES.forEach(
            name ->
                temporal.registerSearchAttribute(
                    name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
        StartupPhases.mark("engine");
        return new Engine(providers, temporal);
      } catch (RuntimeException e) {
        providers.close();
        throw e;
      }
    }

    /** Waits for the start; an engine that starts after a failure elsewhere is closed then. */
    static Engine await(CompletableFuture<Engine> started) {
      try {
        return started.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw e;
      }
    }

    static void closeWhenStarted(CompletableFuture<Engine> started) {
      started.thenAccept(Engine::close);
    }

    @Override
    public void close() {
      temporal.close();
      providers.close();
    }
  }

  static EmbeddedRuntime withWorkflows(EmbeddedDatabase database, Engine engine) {
    WorkerHost worker =
        WorkerHost.start(
            engine.temporal().getWorkflowClient(), database.dataSource(), engine.providers());
    StartupPhases.mark("worker");
    return new EmbeddedRuntime(database, engine.temporal(), engine.providers(), worker);
  }

  @Override
  public WorkflowClient client() {
    if (engine == null) {
      throw new IllegalStateException("this runtime was opened for the database only");
    }
    return engine.getWorkflowClient();
  }

  @Override
  public DataSource dataSource() {
    return database.dataSource();
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public List<String> description() {
    List<String> lines = new ArrayList<>();
    if (engine != null) {
      lines.add(
          "workflow engine: in-memory Temporal test server for this command only"
              + " (./trawl dev or TEMPORAL_ADDRESS for durable runs, schedules and the Web UI)");
      lines.addAll(providers.description());
    }
    return lines;
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.closeNow();
      StartupPhases.mark("closed-worker");
    }
    if (engine != null) {
      engine.close();
      StartupPhases.mark("closed-engine");
    }
    if (providers != null) {
      providers.close();
      StartupPhases.mark("closed-sandboxes");
    }
    database.close();
    StartupPhases.mark("closed-database");
  }
}
