package io.trawl.worker.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in its own JVM, so a test can SIGKILL it and meet what a
 * killed trawl process really leaves behind.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader output;
  private final StringBuilder seen = new StringBuilder();

  private ChildJvm(Process process) {
    this.process = process;
    this.output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ChildJvm start(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    try {
      return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM for " + mainClass.getName(), e);
    }
  }

  /**
   * Reads the child's output until a line starts with {@code prefix}; returns the rest of it. From
   * then on the output is drained in the background so the child never blocks on a full pipe.
   */
  String awaitLine(String prefix, Duration timeout) throws Exception {
    CompletableFuture<String> found =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = output.readLine()) != null) {
                  if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                  }
                  seen.append(line).append('\n');
                }
                return null;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String rest;
    try {
      rest = found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      rest = null;
    }
    if (rest == null) {
      throw new AssertionError("child JVM never printed '" + prefix + "'; its output:\n" + seen);
    }
    Thread.ofVirtual().start(() -> output.lines().forEach(line -> {}));
    return rest;
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, as the OOM killer or {@code kill -9} would, and wait until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
