package io.trawl.starter.maintenance;

import io.temporal.client.WorkflowOptions;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.workflows.maintenance.PruneResult;
import io.trawl.workflows.maintenance.RetentionRequest;
import io.trawl.workflows.maintenance.RetentionWorkflow;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl maintenance prune}: one retention pruning, now. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    header = "Prune finished runs' detail older than retention.days (what the schedule does).",
    description = {
      "Deletes staging and reject rows, stage and per-search rows, per-call statistics, quotes",
      "older than the newest per symbol, and expired cache entries of runs that ended more than",
      "retention.days (trawl.yaml, default 30) ago. Run rows, jobs, places and the cost ledger",
      "stay. --dry-run only counts.",
      "",
      "Example: trawl maintenance prune --dry-run"
    })
public final class MaintenancePruneCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--dry-run", description = "Count what would be pruned; delete nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err)) {
      RetentionWorkflow workflow =
          runtime
              .client()
              .newWorkflowStub(
                  RetentionWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(RetentionRequest.WORKFLOW_ID)
                      .setTaskQueue(RetentionWorkflow.TASK_QUEUE)
                      .build());
      PruneResult result = workflow.prune(new RetentionRequest("manual", dryRun));
      if (json) {
        out.println(Json.write(result));
      } else {
        out.println(
            (result.dryRun() ? "Would prune " : "Pruned ")
                + result.total()
                + " rows of runs that ended before "
                + result.cutoff()
                + " (retention "
                + result.retentionDays()
                + " days)");
        for (Map.Entry<String, Long> table : result.rows().entrySet()) {
          out.printf("  %-34s %d%n", table.getKey(), table.getValue());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
