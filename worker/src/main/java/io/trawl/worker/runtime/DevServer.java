package io.trawl.worker.runtime;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Temporal server for {@code ./trawl dev} and end-to-end tests: the official CLI's {@code
 * temporal server start-dev} as a child process, with Schedules, visibility queries, the Web UI and
 * its state in a SQLite file that survives restarts.
 *
 * <p>{@link #start} returns once the frontend answers a describe-namespace call; {@link #close()}
 * stops the process (SIGTERM, then SIGKILL after 10 s). A server orphaned by a killed JVM is
 * stopped on the next start (see {@link DevServerPidFile}).
 */
public final class DevServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DevServer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  // Workers stop within a second or two; past this the owner is not closing us, so stop anyway.
  private static final Duration ORDERLY_CLOSE_WAIT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int TAIL_LINES = 30;

  private final DevServerOptions options;
  private final Process process;
  private final DevServerPidFile pidFile;
  private final Thread shutdownHook;
  private volatile boolean closed;
  private final java.util.concurrent.CountDownLatch closedByOwner =
      new java.util.concurrent.CountDownLatch(1);

  private DevServer(DevServerOptions options, Process process, DevServerPidFile pidFile) {
    this.options = options;
    this.process = process;
    this.pidFile = pidFile;
    // Without it, a JVM that exits (not killed) would leave the server holding its ports. It
    // first gives an owner's own shutdown hook the chance to close() in order (workers say goodbye
    // to the server before it stops), and only then stops the server itself.
    this.shutdownHook =
        new Thread(
            () -> {
              awaitOrderlyClose();
              OsProcesses.stop(process.toHandle(), STOP_GRACE);
            });
  }

  /**
   * Starts the server and waits until it answers.
   *
   * @throws IllegalStateException when a port is taken, another live process runs a server on the
   *     same database, or the server does not answer within the start timeout; the message quotes
   *     the end of the server's log
   */
  public static DevServer start(DevServerOptions options) {
    TrawlHome.ensureDirectory(options.dbFile().toAbsolutePath().getParent());
    TrawlHome.ensureDirectory(options.logFile().toAbsolutePath().getParent());
    TrawlHome.ensureDirectory(options.pidFile().toAbsolutePath().getParent());
    DevServerPidFile pidFile = new DevServerPidFile(options.pidFile());
    pidFile.clearLeftover();
    requireFree(options.grpcPort(), "gRPC");
    requireFree(options.uiPort(), "Web UI");

    long logOffset = LogTail.mark(options.logFile());
    long started = System.nanoTime();
    Process process = launch(options);
    pidFile.write(process.toHandle());
    DevServer server = new DevServer(options, process, pidFile);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      server.awaitReady(logOffset);
      SearchAttributeRegistrar.ensureKeywords(
          TemporalConnection.plain(server.target(), options.namespace()),
          options.keywordSearchAttributes());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info(
        "Temporal dev server ready target={} ui={} db={} pid={} in {} ms (log {})",
        server.target(),
        server.uiUrl(),
        options.dbFile(),
        process.pid(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        options.logFile());
    return server;
  }

  private static List<String> command(DevServerOptions options) {
    List<String> command = new ArrayList<>();
    command.add(options.cli().toString());
    command.addAll(List.of("server", "start-dev"));
    command.addAll(List.of("--db-filename", options.dbFile().toAbsolutePath().toString()));
    // The default rollback journal fsyncs every write of the server's one SQLite connection, which
    // made each workflow step cost ~70 ms. A write-ahead log synced at checkpoints survives a
    // crash or kill of the server (what `./trawl dev` must survive); only a power loss can take the
    // last transactions, acceptable for a development server.
    command.addAll(List.of("--sqlite-pragma", "journal_mode=wal"));
    command.addAll(List.of("--sqlite-pragma", "synchronous=normal"));
    command.addAll(List.of("--ip", DevServerOptions.HOST));
    command.addAll(List.of("--port", Integer.toString(options.grpcPort())));
    command.addAll(List.of("--ui-port", Integer.toString(options.uiPort())));
    command.addAll(List.of("--namespace", options.namespace()));
    command.addAll(List.of("--log-level", "warn"));
    // Otherwise the UI fetches a news feed from the internet on every page load.
    command.add("--ui-disable-news-fetch");
    for (String name : options.keywordSearchAttributes()) {
      command.addAll(List.of("--search-attribute", name + "=Keyword"));
    }
    return command;
  }

  private static Process launch(DevServerOptions options) {
    List<String> command = command(options);
    try {
      Files.writeString(
          options.logFile(),
          "=== " + Instant.now() + " trawl starts: " + String.join(" ", command) + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + options.cli(), e);
    }
  }

  private static void requireFree(int port, String what) {
    if (!FreePorts.isFree(DevServerOptions.HOST, port)) {
      throw new IllegalStateException(
          "cannot start the Temporal dev server: "
              + what
              + " port "
              + DevServerOptions.HOST
              + ":"
              + port
              + " is already in use (another ./trawl dev or Temporal server?)");
    }
  }

  /**
   * Polls until the frontend answers for the namespace.
   *
   * <p>A plain TCP connect comes first: a gRPC channel whose connect failed backs off for seconds,
   * then minutes, before it tries again, which would hide a server that became ready meanwhile.
   */
  private void awaitReady(long logOffset) {
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    while (!accepts(options.grpcPort())) {
      checkStillStarting(deadline, logOffset, "its gRPC port never opened");
      sleep();
    }
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    try {
      String lastError = "no answer";
      while (true) {
        try {
          stubs
              .blockingStub()
              .withDeadlineAfter(2, TimeUnit.SECONDS)
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace(options.namespace()).build());
          return;
        } catch (StatusRuntimeException e) {
          lastError = e.getStatus().toString();
        }
        checkStillStarting(deadline, logOffset, "describe namespace failed: " + lastError);
        sleep();
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  private void checkStillStarting(long deadline, long logOffset, String state) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the Temporal dev server exited with code "
              + process.exitValue()
              + " while starting; last lines of "
              + options.logFile()
              + ":\n"
              + LogTail.since(options.logFile(), logOffset, TAIL_LINES));
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(
          "the Temporal dev server did not answer on "
              + target()
              + " within "
              + options.startTimeout().toSeconds()
              + " s ("
              + state
              + "); last lines of "
              + options.logFile()
              + ":\n"
              + LogTail.since(options.logFile(), logOffset, TAIL_LINES));
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(DevServerOptions.HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Temporal dev server", e);
    }
  }

  /** The gRPC address for clients and workers, {@code 127.0.0.1:<port>}. */
  public String target() {
    return DevServerOptions.HOST + ":" + options.grpcPort();
  }

  /** The Web UI, {@code http://127.0.0.1:<port>}. */
  public String uiUrl() {
    return "http://" + DevServerOptions.HOST + ":" + options.uiPort();
  }

  public String namespace() {
    return options.namespace();
  }

  public DevServerOptions options() {
    return options;
  }

  /** The server process's pid. */
  public long pid() {
    return process.pid();
  }

  /** Stops the server and waits for it to exit; the database file is kept. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook stops the server.
    }
    boolean clean = OsProcesses.stop(process.toHandle(), STOP_GRACE);
    if (!clean) {
      log.warn(
          "Temporal dev server pid={} did not stop within {} s and was killed",
          process.pid(),
          STOP_GRACE.toSeconds());
    }
    pidFile.deleteQuietly();
    closedByOwner.countDown();
  }

  private void awaitOrderlyClose() {
    try {
      closedByOwner.await(
          ORDERLY_CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
