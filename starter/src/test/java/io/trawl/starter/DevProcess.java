package io.trawl.starter;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code trawl dev} as its own JVM process, started from the test classpath, so a test can talk to
 * it the way a second terminal would and stop it the way Ctrl-C does (SIGTERM).
 */
final class DevProcess implements AutoCloseable {
  final Process process;
  final int grpcPort;
  final int uiPort;
  // A file, not a pipe: the JDK may close a child's pipe under a reader when the child exits,
  // and the last lines (the ones a test checks after stopping) would be lost.
  private final Path outputFile;

  private DevProcess(Process process, int grpcPort, int uiPort, Path outputFile) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.uiPort = uiPort;
    this.outputFile = outputFile;
  }

  static DevProcess start(Path home, Map<String, String> extraEnv) throws IOException {
    return start(home, extraEnv, freePort(), freePort(), null);
  }

  /** On given ports: a restart on the same TRAWL_HOME keeps the address clients know. */
  static DevProcess start(Path home, Map<String, String> extraEnv, int grpc, int ui)
      throws IOException {
    return start(home, extraEnv, grpc, ui, null);
  }

  /**
   * Like {@link #start(Path, Map)}, logging through {@code logback} (the shipped logback.xml, so
   * the process writes {@code TRAWL_HOME/logs} and its terminal as a user's would); null keeps the
   * test classpath's.
   */
  static DevProcess start(Path home, Map<String, String> extraEnv, Path logback)
      throws IOException {
    return start(home, extraEnv, freePort(), freePort(), logback);
  }

  private static DevProcess start(
      Path home, Map<String, String> extraEnv, int grpc, int ui, Path logback) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TrawlCommand.class.getName());
    command.add("dev");
    command.add("--port");
    command.add(Integer.toString(grpc));
    command.add("--ui-port");
    command.add(Integer.toString(ui));
    Path outputFile = home.resolve("dev-process.out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
    builder.environment().put("TRAWL_HOME", home.toString());
    builder.environment().remove("TEMPORAL_ADDRESS");
    builder.environment().remove("BRIGHTDATA_API_TOKEN");
    // Never the fixed default 9464: tests share the machine. A test that reads /metrics sets one.
    builder.environment().put("TRAWL_METRICS_PORT", "0");
    builder.environment().putAll(extraEnv);
    return new DevProcess(builder.start(), grpc, ui, outputFile);
  }

  /** Waits for the "ready" line; fails with everything the process printed when it dies. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains("trawl dev: ready")) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("trawl dev exited " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("trawl dev not ready after " + timeout + ":\n" + output());
  }

  String output() {
    try {
      return Files.exists(outputFile) ? Files.readString(outputFile) : "";
    } catch (IOException e) {
      return "(cannot read " + outputFile + ": " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, as Ctrl-C would; returns the exit code. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("trawl dev did not stop within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
