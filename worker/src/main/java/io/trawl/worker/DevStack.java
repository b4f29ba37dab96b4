package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import io.trawl.activities.store.Migrations;
import io.trawl.worker.metrics.HealthCheck;
import io.trawl.worker.metrics.MetricsServer;
import io.trawl.worker.runtime.CliLookup;
import io.trawl.worker.runtime.DevLock;
import io.trawl.worker.runtime.DevServer;
import io.trawl.worker.runtime.DevServerOptions;
import io.trawl.worker.runtime.DevStarting;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.TemporalCli;
import io.trawl.worker.runtime.TrawlHome;
import io.trawl.workflows.common.RunAttributes;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./trawl dev} runs until Ctrl-C: the real Temporal dev server (or, when the CLI cannot
 * be had, the Java test server on the same port), the embedded PostgreSQL, the sandboxes, a worker
 * with its {@code /metrics} and {@code /healthz} endpoint, and the lock file through which other
 * commands attach.
 *
 * <p>While it starts, a {@link DevStarting} marker tells other commands to wait for the lock rather
 * than open the embedded data directory this stack is about to hold.
 */
public final class DevStack implements AutoCloseable {
  /** Custom search attributes every trawl run sets; registered when the dev server starts. */
  public static final List<String> SEARCH_ATTRIBUTES = RunAttributes.NAMES;

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<String> description = new ArrayList<>();
  private final TrawlHome home;
  private String uiUrl;
  private String metricsUrl;

  private DevStack(TrawlHome home) {
    this.home = home;
  }

  /**
   * Starts everything; on failure stops what was started and rethrows.
   *
   * @param grpcPort the Temporal frontend port (7233 by default)
   * @param uiPort the Web UI port (8233 by default)
   * @param metricsPort the worker's {@code /metrics} port ({@value MetricsServer#DEFAULT_PORT} by
   *     default, 0 for a free one); a port in use is reported in {@link #description()}, not fatal
   */
  public static DevStack start(Map<String, String> env, int grpcPort, int uiPort, int metricsPort) {
    TrawlHome home = TrawlHome.fromEnvironment(env);
    Optional<DevLock> running = DevLock.readLive(home);
    if (running.isPresent()) {
      throw new IllegalStateException(
          "./trawl dev is already running (pid "
              + running.get().pid()
              + ", Web UI "
              + running.get().uiUrl()
              + "); stop it first or use another TRAWL_HOME");
    }
    Optional<DevStarting> starting = DevStarting.readLive(home);
    if (starting.isPresent()) {
      throw new IllegalStateException(
          "./trawl dev is already starting (pid "
              + starting.get().pid()
              + "); stop it first or use another TRAWL_HOME");
    }
    DevStack stack = new DevStack(home);
    try {
      stack.startAll(env, grpcPort, uiPort, metricsPort);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> env, int grpcPort, int uiPort, int metricsPort) {
    DevStarting marker = DevStarting.forThisProcess();
    marker.write(home);
    push(() -> marker.remove(home));
    EmbeddedDatabase database = push(EmbeddedDatabase.start(home));
    Migrations.migrate(database.dataSource());
    description.add(
        "PostgreSQL (embedded): " + database.jdbcUrl() + ", data in " + database.dataDirectory());

    String target = startTemporal(env, grpcPort, uiPort);
    WorkflowClient client = TemporalClients.connect(target, DevServerOptions.DEFAULT_NAMESPACE);
    push(() -> TemporalClients.close(client));

    ProviderSetup providers = push(ProviderSetup.fromEnvironment(env));
    description.addAll(providers.description());
    push(WorkerHost.start(client, database.dataSource(), providers));
    description.add("worker: polling task queues trawl-jobs and trawl-etl");
    startMetrics(metricsPort, new HealthCheck(database.dataSource(), client));

    DevLock lock =
        DevLock.forThisProcess(
            target,
            DevServerOptions.DEFAULT_NAMESPACE,
            uiUrl,
            database.jdbcUrl(),
            providers.sandboxUrls());
    lock.write(home);
    push(() -> lock.remove(home));
    marker.remove(home);
  }

  private void startMetrics(int port, HealthCheck health) {
    try {
      MetricsServer metrics = push(MetricsServer.start(port, health));
      metricsUrl = "http://localhost:" + metrics.port();
      description.add(
          "metrics: "
              + metricsUrl
              + "/metrics, health: "
              + metricsUrl
              + "/healthz (TRAWL_METRICS_PORT)");
    } catch (UncheckedIOException e) {
      // As for ./trawl worker: a taken port (say, a worker already on 9464) must not stop the
      // stack.
      description.add(
          "/metrics not served: port "
              + port
              + " is in use (set TRAWL_METRICS_PORT, 0 for any free port)");
    }
  }

  private String startTemporal(Map<String, String> env, int grpcPort, int uiPort) {
    CliLookup cli = new TemporalCli(env, home).findOrInstall();
    if (cli.binary().isPresent()) {
      DevServer server =
          push(
              DevServer.start(
                  DevServerOptions.forHome(home, cli.binary().get())
                      .withPorts(grpcPort, uiPort)
                      .withKeywordSearchAttributes(SEARCH_ATTRIBUTES)));
      uiUrl = server.uiUrl();
      description.add(
          "Temporal dev server ("
              + cli.detail()
              + ") on "
              + server.target()
              + ", history in "
              + home.temporalDb());
      description.add("Web UI: " + uiUrl);
      return server.target();
    }
    // Without the CLI there is no Web UI and no Schedules, but runs still work and attach.
    TestServer.PortBoundTestServer fallback = TestServer.createPortBoundServer(grpcPort);
    push(fallback);
    description.add(
        "Temporal CLI unavailable ("
            + cli.detail()
            + "): using the in-memory Java test server on 127.0.0.1:"
            + grpcPort
            + " instead; no Web UI, no schedules, histories end with this process");
    return "127.0.0.1:" + grpcPort;
  }

  public List<String> description() {
    return List.copyOf(description);
  }

  public Optional<String> uiUrl() {
    return Optional.ofNullable(uiUrl);
  }

  /** Where {@code /metrics} and {@code /healthz} are served; empty when the port was taken. */
  public Optional<String> metricsUrl() {
    return Optional.ofNullable(metricsUrl);
  }

  private <T extends AutoCloseable> T push(T resource) {
    resources.push(resource);
    return resource;
  }

  /** Stops everything in reverse order of start; one failure does not keep the rest running. */
  @Override
  public void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(DevStack.class).warn("stop failed: {}", e.toString());
      }
    }
  }
}
