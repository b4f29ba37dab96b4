package io.trawl.starter.runs;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trawl runs cancel ID}: asks a run to stop; its cleanup marks the row cancelled. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    header = "Cancel a running run (its cleanup still records it as cancelled).",
    description = {"Example: ./trawl runs cancel jobs-scrape/data-engineer/netherlands"})
public final class CancelCommand implements Callable<Integer> {
  @Parameters(paramLabel = "WORKFLOW_ID", description = "the run's workflow id (see ./trawl runs)")
  String workflowId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        DurableConnection.open("runs cancel", spec.commandLine().getErr())) {
      // Cancellation, not termination: the workflow's detached cleanup step still runs.
      runtime
          .client()
          .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .cancel();
      out.println("cancel requested: " + workflowId + " (its row becomes cancelled when it stops)");
      out.flush();
    }
    return ExitCodes.OK;
  }

}
