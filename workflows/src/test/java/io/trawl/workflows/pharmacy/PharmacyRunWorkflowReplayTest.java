package io.trawl.workflows.pharmacy;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The current pharmacy workflow code replays recorded histories (sandbox providers, trawl's search
 * attributes registered): a change that would break running workflows fails here and needs {@code
 * Workflow.getVersion}.
 *
 * <ul>
 *   <li>{@code pharmacy-run-llm-verified}: all four stages, an actor run, the LLM fallback asking
 *       about eight places, one verification batch;
 *   <li>{@code pharmacy-run-cached}: the same search again, served from the query cache and the LLM
 *       answers' cache, verification finding nothing left to do;
 *   <li>{@code pharmacy-run-failed}: a verification refused by Places (403), the failure path that
 *       marks the row and starts the {@code run_failed} notification;
 *   <li>{@code verification-batch}: the child that verified the first run's places.
 * </ul>
 *
 * <p>A history does not hold its workflow id, and the run names its verification children after it,
 * so each history is replayed under the id it was recorded with.
 */
class PharmacyRunWorkflowReplayTest {
  @ParameterizedTest
  @CsvSource({
    "pharmacy-run-llm-verified.json, pharmacy-run/pharmacy/san-francisco-ca",
    "pharmacy-run-cached.json, pharmacy-run/pharmacy/san-francisco-ca",
    "pharmacy-run-failed.json, pharmacy-run/drugstore/austin-tx"
  })
  void runWorkflowReplaysItsRecordedHistory(String history, String workflowId) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history(history, workflowId), worker(PharmacyRunWorkflowImpl.class));
  }

  @Test
  void verificationBatchReplaysItsRecordedHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("verification-batch.json", "pharmacy-run/pharmacy/san-francisco-ca/verify-1-0"),
        worker(VerificationBatchWorkflowImpl.class));
  }

  private static final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private static int workers;

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  /**
   * A replay worker for {@code workflow}. The first replay in a JVM loads and links much of the SDK
   * and Jackson on the workflow thread; on a busy machine that takes longer than the 1 s deadlock
   * detection allows, which says nothing about the workflow code, so it gets longer.
   */
  private static Worker worker(Class<?> workflow) {
    Worker worker =
        env.newWorker(
            "replay-" + workers++,
            WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
    worker.registerWorkflowImplementationTypes(workflow);
    return worker;
  }

  /** The id {@link WorkflowReplayer} gives every replayed run. */
  private static final String REPLAY_RUN_ID = "run_id_in_replay";

  private static WorkflowExecutionHistory history(String name, String workflowId)
      throws IOException {
    String json;
    try (InputStream in =
        Objects.requireNonNull(
            PharmacyRunWorkflowReplayTest.class.getResourceAsStream("/histories/" + name), name)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String runId =
        WorkflowExecutionHistory.fromJson(json)
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getOriginalExecutionRunId();
    // Only where the run named a child after its run id: the recorded run id also seeds the
    // run's deterministic activity ids, which must stay as recorded.
    return WorkflowExecutionHistory.fromJson(
        json.replace(workflowId + "/" + runId, workflowId + "/" + REPLAY_RUN_ID), workflowId);
  }
}
