package io.trawl.worker.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run {@code temporal server start-dev}.
 *
 * <p>Made by {@link #forHome(TrawlHome, Path)} with the defaults of {@code ./trawl dev} (gRPC 7233,
 * UI 8233, namespace {@code default}, files under {@code TRAWL_HOME}) and adjusted with the {@code
 * with…} methods; tests take {@link #withFreePorts()}.
 *
 * @param cli the Temporal CLI binary (see {@link TemporalCli})
 * @param dbFile the SQLite file that keeps workflow histories, schedules and visibility
 * @param logFile where the server's output is appended
 * @param pidFile records the server and its owner (see {@link DevServerPidFile})
 * @param grpcPort the frontend port clients and workers connect to
 * @param uiPort the Web UI port
 * @param namespace created at launch if missing; {@code default} always exists
 * @param keywordSearchAttributes custom search attributes of type Keyword to register
 * @param startTimeout how long to wait for the frontend to answer
 */
public record DevServerOptions(
    Path cli,
    Path dbFile,
    Path logFile,
    Path pidFile,
    int grpcPort,
    int uiPort,
    String namespace,
    List<String> keywordSearchAttributes,
    Duration startTimeout) {
  public static final int DEFAULT_GRPC_PORT = 7233;
  public static final int DEFAULT_UI_PORT = 8233;
  public static final String DEFAULT_NAMESPACE = "default";

  /** The dev server binds only the loopback interface: it has no authentication. */
  public static final String HOST = "127.0.0.1";

  // The CLI accepts only identifiers as search attribute names.
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public DevServerOptions {
    Objects.requireNonNull(cli, "cli");
    Objects.requireNonNull(dbFile, "dbFile");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(pidFile, "pidFile");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(startTimeout, "startTimeout");
    keywordSearchAttributes = List.copyOf(keywordSearchAttributes);
    if (grpcPort <= 0 || uiPort <= 0 || grpcPort == uiPort) {
      throw new IllegalArgumentException(
          "dev server ports must be two distinct positive numbers; got grpcPort="
              + grpcPort
              + " uiPort="
              + uiPort);
    }
    for (String name : keywordSearchAttributes) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "search attribute name must be an identifier; got \"" + name + "\"");
      }
    }
  }

  /** The defaults of {@code ./trawl dev} for {@code home}. */
  public static DevServerOptions forHome(TrawlHome home, Path cli) {
    return new DevServerOptions(
        cli,
        home.temporalDb(),
        home.logs().resolve("temporal.log"),
        home.temporalPidFile(),
        DEFAULT_GRPC_PORT,
        DEFAULT_UI_PORT,
        DEFAULT_NAMESPACE,
        List.of(),
        Duration.ofSeconds(30));
  }

  public DevServerOptions withPorts(int grpc, int ui) {
    return new DevServerOptions(
        cli, dbFile, logFile, pidFile, grpc, ui, namespace, keywordSearchAttributes, startTimeout);
  }

  /** Two free loopback ports, chosen now. */
  public DevServerOptions withFreePorts() {
    int[] ports = FreePorts.allocate(2);
    return withPorts(ports[0], ports[1]);
  }

  public DevServerOptions withNamespace(String name) {
    return new DevServerOptions(
        cli,
        dbFile,
        logFile,
        pidFile,
        grpcPort,
        uiPort,
        name,
        keywordSearchAttributes,
        startTimeout);
  }

  public DevServerOptions withKeywordSearchAttributes(List<String> names) {
    return new DevServerOptions(
        cli, dbFile, logFile, pidFile, grpcPort, uiPort, namespace, names, startTimeout);
  }

  public DevServerOptions withStartTimeout(Duration timeout) {
    return new DevServerOptions(
        cli,
        dbFile,
        logFile,
        pidFile,
        grpcPort,
        uiPort,
        namespace,
        keywordSearchAttributes,
        timeout);
  }
}
