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

  static EmbeddedRuntime withWorkflows(EmbeddedDatabase database, Map<String, String> env) {
    ProviderSetup providers = ProviderSetup.fromEnvironment(env);
    StartupPhases.mark("sandboxes");
    // Real time, not time skipping: polling waits should match what a real server would do.
    TestWorkflowEnvironment engine =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    // Runs are started with trawl's search attributes; the test server checks they exist.
    RunAttributes.NAMES.forEach(
        name -> engine.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    StartupPhases.mark("engine");
    WorkerHost worker =
        WorkerHost.start(engine.getWorkflowClient(), database.dataSource(), providers);
    StartupPhases.mark("worker");
    return new EmbeddedRuntime(database, engine, providers, worker);
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
      worker.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (providers != null) {
      providers.close();
    }
    database.close();
  }
}
