package io.trawl.starter.jobs;

import io.temporal.client.WorkflowStub;
import io.trawl.workflows.jobs.ScrapeProgress;
import java.util.Optional;

/** Reads the progress query of a jobs scrape, for status displays. */
public final class JobsProgress {
  private JobsProgress() {}

  public static Optional<String> query(WorkflowStub stub, String workflowType) {
    if (!"ScrapeRunWorkflow".equals(workflowType)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunWatcher.describe(stub.query("progress", ScrapeProgress.class)));
    } catch (RuntimeException e) {
      return Optional.of("(progress unavailable: " + e.getMessage() + ")");
    }
  }
}
