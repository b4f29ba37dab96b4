package io.trawl.starter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code trawl worker} as its own JVM from the test classpath, so a test can SIGKILL it the way the
 * OOM killer or a pulled plug would, and start another.
 */
final class WorkerJvm implements AutoCloseable {
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private WorkerJvm(Process process) {
    this.process = process;
    this.reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                      output.add(line);
                    }
                  } catch (IOException e) {
                    output.add("(output closed: " + e.getMessage() + ")");
                  }
                });
  }

  /** Starts {@code trawl worker} with {@code env} on top of a cleaned copy of this environment. */
  static WorkerJvm start(Map<String, String> env) throws IOException {
    return start(env, List.of());
  }

  /** As {@link #start}, logging the way a user's worker does (the shipped logback.xml). */
  static WorkerJvm startWithShippedLogging(Map<String, String> env) throws IOException {
    return start(env, List.of("-Dlogback.configurationFile=" + CliProcess.SHIPPED_LOGBACK));
  }

  /** The same with extra JVM options, e.g. the production logging configuration. */
  static WorkerJvm start(Map<String, String> env, List<String> jvmOptions) throws IOException {
    return start(env, jvmOptions, List.of());
  }

  /** The same with options of {@code trawl worker} itself, e.g. {@code --pipelines jobs}. */
  static WorkerJvm start(Map<String, String> env, List<String> jvmOptions, List<String> options)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(TrawlCommand.class.getName());
    command.add("worker");
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Production settings come only from the test: no TEMPORAL_ADDRESS, profile or key of ours.
    builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_"));
    builder.environment().remove("BRIGHTDATA_API_TOKEN");
    builder.environment().remove("TRAWL_LOG_LEVEL");
    builder.environment().putAll(env);
    return new WorkerJvm(builder.start());
  }

  /** Waits for the worker's "polling" line; fails with its output when it dies first. */
  WorkerJvm awaitPolling(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output.stream().anyMatch(line -> line.contains("trawl worker: polling"))) {
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError("trawl worker exited " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("trawl worker not polling after " + timeout + ":\n" + output());
  }

  /** Waits for the worker to exit by itself; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("trawl worker still running after " + timeout + ":\n" + output());
    }
    reader.join(Duration.ofSeconds(10)); // the last lines, up to the end of the stream
    return process.exitValue();
  }

  String output() {
    return String.join("\n", output);
  }

  /** SIGKILL: no shutdown hook, no last heartbeat, no failure report. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    kill();
  }
}
