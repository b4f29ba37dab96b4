package io.trawl.starter;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.trawl.starter.jobs.JobsProgress;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl status}: state and progress of any workflow run. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Show the state and progress of a run by its workflow id.",
    description = {"Example: trawl status jobs-scrape/data-engineer/netherlands"})
public final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The run's workflow id.")
  String workflowId;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (workflowId.isBlank()) {
      throw new UsageException("WORKFLOW_ID is empty");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, spec.commandLine().getErr())) {
      Runtimes.requireDurable(runtime, "status lookups");
      WorkflowClient client = runtime.client();
      DescribeWorkflowExecutionResponse described;
      try {
        described =
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build());
      } catch (io.grpc.StatusRuntimeException e) {
        if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
          spec.commandLine().getErr().println("trawl: no workflow with id " + workflowId);
          return ExitCodes.FAILED;
        }
        throw e;
      }
      WorkflowExecutionInfo info = described.getWorkflowExecutionInfo();
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("workflow_id", workflowId);
      status.put("run_id", info.getExecution().getRunId());
      status.put("type", info.getType().getName());
      status.put("status", info.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase());
      status.put("started", Instant.ofEpochSecond(info.getStartTime().getSeconds()).toString());
      if (info.hasCloseTime()) {
        status.put("closed", Instant.ofEpochSecond(info.getCloseTime().getSeconds()).toString());
      }
      status.put("history_events", info.getHistoryLength());
      runtime.uiUrl().ifPresent(ui -> status.put("web_ui", WebUi.link(ui, client.getOptions().getNamespace(), workflowId, info.getExecution().getRunId())));
      WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
      JobsProgress.query(stub, info.getType().getName()).ifPresent(p -> status.put("progress", p));
      if (json) {
        out.println(Json.write(status));
      } else {
        status.forEach((key, value) -> out.printf("%-15s %s%n", key + ":", value));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
