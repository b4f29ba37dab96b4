package io.trawl.workflows.etl;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The current workflow code replays recorded histories (a download, a quarantine, a batch of
 * three): a change that would break running workflows fails here, not in production.
 */
class EtlWorkflowReplayTest {
  @ParameterizedTest
  @ValueSource(strings = {"etl-source-downloaded.json", "etl-source-quarantined.json"})
  void sourceWorkflowReplaysItsRecordedHistory(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(file(history), EtlSourceWorkflowImpl.class);
  }

  @Test
  void batchWorkflowReplaysItsRecordedHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(file("etl-batch.json"), EtlBatchWorkflowImpl.class);
  }

  private static File file(String name) throws URISyntaxException {
    return new File(
        Objects.requireNonNull(EtlWorkflowReplayTest.class.getResource("/histories/" + name), name)
            .toURI());
  }
}
