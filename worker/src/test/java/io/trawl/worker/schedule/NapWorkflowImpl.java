package io.trawl.worker.schedule;

import io.temporal.workflow.Workflow;
import java.time.Duration;

public class NapWorkflowImpl implements NapWorkflow {
  @Override
  public String nap(NapRequest request) {
    if (request.seconds() > 0) {
      Workflow.sleep(Duration.ofSeconds(request.seconds()));
    }
    return "slept";
  }
}
