package io.trawl.starter.jobs;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.starter.TaskQueueOption;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleResult;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleWorkflow;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl jobs lifecycle}: one run of the job lifecycle, waited for and summarized. */
@Command(
    name = "lifecycle",
    mixinStandardHelpOptions = true,
    header = "Mark jobs not seen for a while inactive and print the summary.",
    description = {
      "A job is retired when it was last seen more than --threshold-days ago and its search had",
      "a completed scrape inside that window (a search whose scrapes kept failing keeps its jobs).",
      "",
      "Examples:",
      "  trawl jobs lifecycle --dry-run",
      "  trawl jobs lifecycle --threshold-days 7 --json"
    })
public final class LifecycleCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--threshold-days",
      paramLabel = "N",
      description = "Days without a sighting before a job is retired (default 14).",
      converter = NumberRanges.PositiveInt.class)
  Integer thresholdDays;

  @Option(names = "--dry-run", description = "Report what would be retired; change nothing.")
  boolean dryRun;

  @Mixin TaskQueueOption taskQueue;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    JobLifecycleRequest request = new JobLifecycleRequest(thresholdDays, dryRun);
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.WORKFLOWS, spec.commandLine().getErr())) {
      JobLifecycleWorkflow workflow =
          runtime
              .client()
              .newWorkflowStub(
                  JobLifecycleWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(JobLifecycleRequest.WORKFLOW_ID)
                      .setTaskQueue(
                          taskQueue.resolve(
                              JobLifecycleWorkflow.TASK_QUEUE,
                              runtime,
                              spec.commandLine().getErr()))
                      .setWorkflowIdReusePolicy(
                          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                      .setTypedSearchAttributes(JobLifecycleRequest.searchAttributes())
                      .setStaticSummary(request.summary())
                      .build());
      JobLifecycleResult result;
      try {
        result = workflow.run(request);
      } catch (WorkflowExecutionAlreadyStarted e) {
        spec.commandLine()
            .getErr()
            .println(
                "trawl: a lifecycle run is already going: workflow "
                    + e.getExecution().getWorkflowId()
                    + "; see ./trawl status "
                    + e.getExecution().getWorkflowId());
        return ExitCodes.FAILED;
      }
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", result.originalSummary());
        document.put("result", result);
        out.println(Json.write(document));
      } else {
        out.println(result.summary());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
