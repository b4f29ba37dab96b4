package io.trawl.worker.schedule;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A test workflow that only sleeps: quick runs for counting, long runs for overlap. */
@WorkflowInterface
public interface NapWorkflow {
  String TASK_QUEUE = "trawl-schedule-test";

  /** Sleeps for the request's seconds and returns "slept". */
  @WorkflowMethod
  String nap(NapRequest request);

  /**
   * How long to sleep.
   *
   * @param seconds the nap's length; 0 returns at once
   */
  record NapRequest(int seconds) {}
}
