package io.trawl.starter.chaos;

import io.trawl.starter.TrawlCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code trawl worker} as a child JVM of this one, started from the same classpath, so it can be
 * SIGKILLed the way the OOM killer or a pulled plug would end it ({@link Process#destroyForcibly}
 * is SIGKILL on Linux): no shutdown hook, no last heartbeat, no failure report.
 */
final class ChildWorker implements AutoCloseable {
  /** Variables of the caller's shell that would point the child at other servers or providers. */
  private static final List<String> NOT_INHERITED_PREFIXES =
      List.of(
          "TEMPORAL_",
          "DATABASE_",
          "BRIGHTDATA_",
          "APIFY_",
          "GOOGLE_PLACES_",
          "YAHOO_",
          "LLM_",
          "TRAWL_CONFIG",
          "TRAWL_LOG_",
          "TRAWL_JAVA_OPTS",
          "TRAWL_DATA_DIR",
          "TRAWL_METRICS_PORT");

  private final Process process;
  private final Path output;
  private final Instant launchedAt;

  private ChildWorker(Process process, Path output, Instant launchedAt) {
    this.process = process;
    this.output = output;
    this.launchedAt = launchedAt;
  }

  /**
   * Starts {@code trawl worker --pipelines ...} with {@code env}; its console goes to {@code
   * output} and its temporary files to {@code tmp}, where the crash check looks for leftovers.
   */
  static ChildWorker start(Map<String, String> env, List<String> pipelines, Path output, Path tmp) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("--sun-misc-unsafe-memory-access=allow");
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(TrawlCommand.class.getName());
    command.add("worker");
    command.add("--pipelines");
    command.add(String.join(",", pipelines));
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(output.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              // A file, not a pipe: nothing to drain, and the last lines survive the kill.
              .redirectOutput(output.toFile())
              .directory(tmp.toFile());
      builder
          .environment()
          .keySet()
          .removeIf(name -> NOT_INHERITED_PREFIXES.stream().anyMatch(name::startsWith));
      builder.environment().putAll(env);
      Instant launched = Instant.now();
      return new ChildWorker(builder.start(), output, launched);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the worker JVM: " + e.getMessage(), e);
    }
  }

  /** Waits for the worker's "polling" line; fails with its last output when it dies first. */
  ChildWorker awaitPolling(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains("trawl worker: polling")) {
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the worker JVM exited " + process.exitValue() + " before polling:\n" + tail());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "the worker JVM is not polling after " + timeout + ":\n" + tail());
  }

  /** When the JVM was launched: an activity started before this ran on a dead worker. */
  Instant launchedAt() {
    return launchedAt;
  }

  /** SIGKILL, then waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the worker's shutdown hook stops polling and lets running tasks finish. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private String output() {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
