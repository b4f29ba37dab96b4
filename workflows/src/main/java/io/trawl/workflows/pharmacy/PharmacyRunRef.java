package io.trawl.workflows.pharmacy;

import java.util.List;
import java.util.Objects;

/**
 * The run row a workflow works on.
 *
 * @param provider "sandbox" or "apify": what collection calls, recorded so demo data is never taken
 *     for real data
 * @param completedStages stages a resumed run already completed, which it skips
 * @param resumed true when this run reopened an unfinished run of the same search
 */
public record PharmacyRunRef(
    long runId, String workflowId, String provider, List<String> completedStages, boolean resumed) {
  public PharmacyRunRef {
    Objects.requireNonNull(workflowId, "workflowId");
    completedStages = completedStages == null ? List.of() : List.copyOf(completedStages);
  }

  public boolean completed(PharmacyStage stage) {
    return completedStages.contains(stage.key());
  }

  /** The ledger's key prefix for this run's paid calls. */
  public String spendKey() {
    return "pharmacy-run-" + runId;
  }
}
