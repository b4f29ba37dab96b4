package io.trawl.workflows.etl;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One source: probe → freshness gate → dry-run gate → download → validate → quarantine or manifest,
 * the original's {@code run_source} as a durable workflow.
 */
@WorkflowInterface
public interface EtlSourceWorkflow {
  /** Task queue the ETL workers poll. */
  String TASK_QUEUE = "trawl-etl";

  /**
   * Runs the source and returns its outcome: downloaded, fresh, would-download or quarantined. A
   * failed probe or download records the failure and then fails the workflow with the cause.
   */
  @WorkflowMethod
  EtlSourceResult run(EtlSourceRequest request);

  /** The current step and the bytes the probe announced. */
  @QueryMethod
  EtlSourceProgress progress();
}
