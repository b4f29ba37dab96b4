package io.trawl.starter.runs;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ResetWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.trawl.activities.jobs.store.ScrapeRunReopener;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.UsageException;
import io.trawl.starter.pharmacy.PharmacyRetry;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trawl runs retry ID}: resets a failed run to just after its last successful step, so the
 * steps that already paid (trigger, download) are not run or paid again. A pharmacy run resumes per
 * stage by itself, so it is started again instead ({@link PharmacyRetry}).
 */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    header = "Retry a failed run from the step that failed (a Temporal reset).",
    description = {
      "Keeps the results of the steps that succeeded; only failed runs are retried.",
      "A pharmacy run (failed, cancelled or partial) starts again and skips the stages",
      "it already recorded.",
      "",
      "Example: ./trawl runs retry jobs-scrape/data-engineer/netherlands",
      "         ./trawl runs retry pharmacy-run/pharmacy/san-francisco-ca"
    })
public final class RetryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "WORKFLOW_ID", description = "the run's workflow id (see ./trawl runs)")
  String workflowId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime = DurableConnection.open("runs retry", spec.commandLine().getErr())) {
      WorkflowClient client = runtime.client();
      String namespace = client.getOptions().getNamespace();
      var described =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo();
      if (PharmacyRetry.handles(described)) {
        out.println(PharmacyRetry.retry(client, runtime.dataSource(), described));
        out.flush();
        return ExitCodes.OK;
      }
      if (described.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED) {
        throw new UsageException(
            "only a failed run can be retried; "
                + workflowId
                + " is "
                + described
                    .getStatus()
                    .name()
                    .replace("WORKFLOW_EXECUTION_STATUS_", "")
                    .toLowerCase(Locale.ROOT));
      }
      WorkflowExecution execution = described.getExecution();
      var history =
          client.fetchHistory(workflowId, execution.getRunId()).getHistory().getEventsList();
      long point =
          ResetPoint.find(history)
              .orElseThrow(
                  () ->
                      new UsageException(
                          workflowId + " has no completed workflow task to reset to"));
      // The jobs pipeline's row must be running again for the resumed run to complete it.
      new ScrapeRunReopener(runtime.dataSource()).reopenFailed(execution.getRunId());
      String newRunId =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .resetWorkflowExecution(
                  ResetWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setWorkflowExecution(execution)
                      .setWorkflowTaskFinishEventId(point)
                      .setReason("trawl runs retry")
                      .setRequestId(UUID.randomUUID().toString())
                      .build())
              .getRunId();
      out.println(
          "retrying "
              + workflowId
              + " from event "
              + point
              + " (after its last successful step): new run "
              + newRunId);
      out.flush();
    }
    return ExitCodes.OK;
  }
}
