package io.trawl.workflows.etl;

import java.util.List;

/**
 * What the {@code progress} query of a batch answers.
 *
 * @param pending sources not started yet
 * @param running sources whose child workflow is going
 * @param finished outcomes so far, in completion order
 */
public record EtlBatchProgress(
    List<String> pending, List<String> running, List<EtlSourceResult> finished) {
  public EtlBatchProgress {
    pending = List.copyOf(pending);
    running = List.copyOf(running);
    finished = List.copyOf(finished);
  }
}
