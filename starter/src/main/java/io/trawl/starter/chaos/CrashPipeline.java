package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One pipeline's side of a crash run: its sandboxes (with their call counters, in this JVM so they
 * outlive every killed worker), the run it starts, and the figures read afterwards.
 */
interface CrashPipeline extends AutoCloseable {
  /** The pipeline's name as {@code trawl worker --pipelines} takes it. */
  String name();

  /** Variables that point a worker at this side's sandboxes. */
  Map<String, String> providerEnvironment();

  /** Puts what the run needs into a fresh database (tracked symbols, for instance). */
  default void prepare(DataSource database) {}

  /** Starts the run; returns its workflow id. */
  String start(WorkflowClient client, String workflowId);

  /** How long a run may take before the crash run gives up on it. */
  default Duration timeout() {
    return Duration.ofMinutes(10);
  }

  /**
   * Waits for the run's result; returns one line describing it, and throws {@link
   * IllegalStateException} naming the problem when the run did not complete cleanly.
   */
  String awaitResult(WorkflowClient client, String workflowId);

  /** The figures of this side's run, read from its database, data directory and sandboxes. */
  List<Measure> measures(DataSource database, Path sideDirectory);

  @Override
  void close();
}
