package io.trawl.starter.pharmacy;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.starter.UsageException;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code trawl runs retry} for a pharmacy run: starts the same request again. The pipeline resumes
 * per stage by itself (the new run reopens the search's unfinished row and skips every stage
 * recorded in {@code pharmacy_stage}), so no Temporal reset is needed and nothing paid is paid
 * again.
 */
public final class PharmacyRetry {
  private PharmacyRetry() {}

  /** Whether {@code run} is a pharmacy run this class retries. */
  public static boolean handles(WorkflowExecutionInfo run) {
    return run.getType().getName().equals(PharmacyRunWorkflow.class.getSimpleName());
  }

  /**
   * Starts the run again when it failed, was cancelled, terminated or timed out, or completed
   * {@code partial}; returns the line to print. A run still going, or one that completed, is a
   * {@link UsageException}.
   */
  public static String retry(
      WorkflowClient client, DataSource dataSource, WorkflowExecutionInfo run) {
    String workflowId = run.getExecution().getWorkflowId();
    String runId = run.getExecution().getRunId();
    WorkflowExecutionStatus status = run.getStatus();
    switch (status) {
      case WORKFLOW_EXECUTION_STATUS_FAILED, WORKFLOW_EXECUTION_STATUS_CANCELED -> {}
      case WORKFLOW_EXECUTION_STATUS_TERMINATED, WORKFLOW_EXECUTION_STATUS_TIMED_OUT ->
          // The workflow could not mark its row: do it, so the new run resumes it.
          new PharmacyRunRepository(dataSource)
              .abandon(runId, "workflow " + name(status) + "; retried with ./trawl runs retry");
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> {
        PharmacyRunResult result =
            client
                .newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty())
                .getResult(PharmacyRunResult.class);
        if (!"partial".equals(result.status())) {
          throw refused(workflowId, result.status());
        }
      }
      default -> throw refused(workflowId, name(status));
    }
    PharmacyRunRequest request = input(client, workflowId, runId);
    PharmacyStarter.StartedRun started = PharmacyStarter.start(client, request, run.getTaskQueue());
    return "retrying "
        + workflowId
        + " as "
        + started.workflowId()
        + " (new run "
        + started.runId()
        + "): stages the run already recorded are skipped";
  }

  /** The request the run was started with, from the first event of its history. */
  private static PharmacyRunRequest input(WorkflowClient client, String workflowId, String runId) {
    var started =
        client
            .fetchHistory(workflowId, runId)
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
        0, Optional.of(started.getInput()), PharmacyRunRequest.class, PharmacyRunRequest.class);
  }

  private static UsageException refused(String workflowId, String status) {
    return new UsageException(
        "only a failed, cancelled or partial pharmacy run can be retried; "
            + workflowId
            + " is "
            + status);
  }

  private static String name(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
  }
}
