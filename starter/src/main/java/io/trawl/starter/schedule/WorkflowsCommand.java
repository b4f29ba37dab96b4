package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import io.trawl.worker.schedule.ScheduledWorkflowKind;
import io.trawl.worker.schedule.ScheduledWorkflowKinds;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trawl schedule workflows}: what a schedule can start, from the kind registry. */
@Command(
    name = "workflows",
    mixinStandardHelpOptions = true,
    header = "List the workflows a schedule can start and their arguments.",
    description = {"Example: trawl schedule workflows"})
public final class WorkflowsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (ScheduledWorkflowKind kind : ScheduledWorkflowKinds.standard().all()) {
      out.printf("%-16s %s%n", kind.name(), kind.description());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
