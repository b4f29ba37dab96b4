package io.trawl.worker.history;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the history of a run a test drove through the real worker registration, so the replay tests
 * in {@code workflows/src/test/resources/histories} can be refreshed from current code: run the
 * test, then copy {@code worker/target/recorded-histories/NAME.json} over the old file.
 */
public final class RecordedHistories {
  private static final Path DIRECTORY = Path.of("target", "recorded-histories");

  private RecordedHistories() {}

  /** Writes the execution's whole history as {@code target/recorded-histories/NAME.json}. */
  public static void save(WorkflowClient client, WorkflowExecution execution, String name) {
    String json = client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).toJson(true);
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(name + ".json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the history of " + name, e);
    }
  }
}
