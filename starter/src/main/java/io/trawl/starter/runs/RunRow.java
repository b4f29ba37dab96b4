package io.trawl.starter.runs;

import io.temporal.client.WorkflowExecutionMetadata;
import io.trawl.workflows.common.RunAttributes;
import java.time.Instant;

/** One run as {@code ./trawl runs} shows it, in the table and in {@code --json}. */
record RunRow(
    String pipeline,
    String status,
    String query,
    String location,
    String source,
    String workflowId,
    String runId,
    String temporalStatus,
    Instant startedAt,
    Instant closedAt,
    String link) {

  static RunRow of(WorkflowExecutionMetadata run, String uiLink) {
    var attributes = run.getTypedSearchAttributes();
    return new RunRow(
        attributes.get(RunAttributes.PIPELINE),
        attributes.get(RunAttributes.STATUS),
        attributes.get(RunAttributes.QUERY),
        attributes.get(RunAttributes.LOCATION),
        attributes.get(RunAttributes.SOURCE),
        run.getExecution().getWorkflowId(),
        run.getExecution().getRunId(),
        run.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(),
        run.getStartTime(),
        run.getCloseTime(),
        uiLink);
  }

  /** What the run is about: the search for jobs, else the source. */
  String subject() {
    if (query != null) {
      return query + (location == null ? "" : " in " + location);
    }
    return source == null ? "" : source;
  }
}
