package io.trawl.workflows.jobs;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a recorded history of a complete scrape run (seven steps, three polls, sandbox provider)
 * against the current workflow code: a change that would break running workflows fails here and
 * needs {@code Workflow.getVersion}.
 */
class ScrapeRunWorkflowReplayTest {
  @Test
  void replaysARecordedCompleteRunWithoutNondeterminism() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/scrape-run-completed.json", ScrapeRunWorkflowImpl.class);
  }
}
