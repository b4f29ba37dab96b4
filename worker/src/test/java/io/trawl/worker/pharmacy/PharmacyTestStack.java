package io.trawl.worker.pharmacy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.llm.LlmClient;
import io.trawl.activities.providers.llm.LlmConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.activities.spend.SpendListener;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.llm.FakeLlm;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.PharmacyRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The real pharmacy pipeline for workflow tests: the Apify and Places sandboxes over loopback HTTP
 * on one Maps universe, a real PostgreSQL, and workers made here so a test can stop one and start
 * another, or run two at once.
 */
final class PharmacyTestStack implements AutoCloseable {
  /**
   * No workflow cache: every workflow task replays the history, and no sticky queue stays bound to
   * a stopped worker.
   */
  private static final WorkerFactoryOptions NO_CACHE =
      WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build();

  final DataSource dataSource;
  final FakeApify apify;
  final FakePlaces places;
  final FakeLlm llm = new FakeLlm().start();
  private final WorkflowClient client;
  private final TestWorkflowEnvironment env;
  private final List<WorkerFactory> factories = new ArrayList<>();

  /** On the Temporal test server (time skipping). */
  PharmacyTestStack(DataSource dataSource, MapsUniverse universe, ApifyFaults faults) {
    this(dataSource, universe, faults, TestWorkflowEnvironment.newInstance(), null);
  }

  /** On a real Temporal server (the dev server), through {@code client}. */
  PharmacyTestStack(
      DataSource dataSource, MapsUniverse universe, ApifyFaults faults, WorkflowClient client) {
    this(dataSource, universe, faults, null, client);
  }

  private PharmacyTestStack(
      DataSource dataSource,
      MapsUniverse universe,
      ApifyFaults faults,
      TestWorkflowEnvironment env,
      WorkflowClient client) {
    this.dataSource = dataSource;
    this.env = env;
    this.client = env != null ? env.getWorkflowClient() : client;
    this.apify = new FakeApify(null, universe, faults).start();
    this.places = new FakePlaces(null, universe, PlacesFaults.none()).start();
  }

  /** A worker process's pharmacy workers (pipeline, Apify and Places queues), polling. */
  WorkerFactory startWorker(Map<String, BigDecimal> dailyBudgets) {
    return startWorker(dailyBudgets, new ProviderLimits(ProviderLimits.DEFAULTS));
  }

  WorkerFactory startWorker(Map<String, BigDecimal> dailyBudgets, ProviderLimits limits) {
    WorkerFactory factory = WorkerFactory.newInstance(client, NO_CACHE);
    factories.add(factory);
    PharmacyRegistration.register(
        factory,
        dataSource,
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS, limits, new CallBudgets(dailyBudgets, ZoneOffset.UTC)),
        SpendListener.NONE);
    factory.start();
    return factory;
  }

  /**
   * A worker with the LLM fallback of classification on, against {@link #llm}, and an LLM queue
   * fast enough that a test does not wait out the default 10 calls a minute.
   */
  WorkerFactory startWorkerWithLlm(
      Map<String, BigDecimal> dailyBudgets, PharmacyConfig.Llm llmSettings) {
    WorkerFactory factory = WorkerFactory.newInstance(client, NO_CACHE);
    factories.add(factory);
    PharmacyRegistration.register(
        factory,
        dataSource,
        new ApifyClient(ApifyConfig.sandbox(apify.baseUrl())),
        new PlacesClient(PlacesConfig.sandbox(places.baseUrl())),
        new LlmClient(LlmConfig.sandbox(llm.baseUrl())),
        new PharmacyRegistration.Settings(
            PharmacyConfig.DEFAULTS.withLlm(llmSettings),
            new ProviderLimits(Map.of("llm", new ProviderLimits.Limit(100, 5))),
            new CallBudgets(dailyBudgets, ZoneOffset.UTC)),
        SpendListener.NONE);
    factory.start();
    return factory;
  }

  WorkflowClient client() {
    return client;
  }

  PharmacyRunWorkflow newRun(PharmacyRunRequest request) {
    return client.newWorkflowStub(
        PharmacyRunWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.workflowId())
            .setTaskQueue(PharmacyRunWorkflow.TASK_QUEUE)
            .build());
  }

  long count(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  String text(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    // Stopped workers first: closing the environment under polling workers takes seconds.
    factories.forEach(WorkerFactory::shutdownNow);
    if (env != null) {
      env.close();
    }
    apify.close();
    places.close();
    llm.close();
  }
}
