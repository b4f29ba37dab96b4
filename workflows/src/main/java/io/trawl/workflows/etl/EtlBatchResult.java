package io.trawl.workflows.etl;

import java.util.List;

/**
 * Every source's outcome, in the order the batch listed them.
 *
 * @param results one per source
 */
public record EtlBatchResult(List<EtlSourceResult> results) {
  public EtlBatchResult {
    results = List.copyOf(results);
  }

  /** True when no source failed or was quarantined. */
  public boolean ok() {
    return results.stream().noneMatch(result -> result.outcome().problem());
  }
}
