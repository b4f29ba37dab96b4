package io.trawl.starter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code trawl dev} as its own JVM process, started from the test classpath, so a test can talk to
 * it the way a second terminal would and stop it the way Ctrl-C does (SIGTERM).
 */
final class DevProcess implements AutoCloseable {
  final Process process;
  final int grpcPort;
  final int uiPort;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private DevProcess(Process process, int grpcPort, int uiPort) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.uiPort = uiPort;
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
              }
            });
  }

  static DevProcess start(Path home, Map<String, String> extraEnv) throws IOException {
    int grpc = freePort();
    int ui = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TrawlCommand.class.getName());
    command.add("dev");
    command.add("--port");
    command.add(Integer.toString(grpc));
    command.add("--ui-port");
    command.add(Integer.toString(ui));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TRAWL_HOME", home.toString());
    builder.environment().remove("TEMPORAL_ADDRESS");
    builder.environment().remove("BRIGHTDATA_API_TOKEN");
    builder.environment().putAll(extraEnv);
    return new DevProcess(builder.start(), grpc, ui);
  }

  /** Waits for the "ready" line; fails with everything the process printed when it dies. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output.stream().anyMatch(line -> line.contains("trawl dev: ready"))) {
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
    return String.join("\n", output);
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
