package io.trawl.workflows.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One reading of a snapshot's progress.
 *
 * @param status the provider's status text (starting, running, ready, failed, or anything new)
 * @param records records collected so far, when the provider says
 * @param errors error records so far, when the provider says
 * @param errorMessage the provider's message when the status is failed
 */
public record SnapshotProgress(String status, int records, int errors, String errorMessage) {
  // Derived, not data: serialized as "ready"/"failed" they would fail to decode in the workflow.
  @JsonIgnore
  public boolean isReady() {
    return "ready".equalsIgnoreCase(status);
  }

  /** Failed or cancelled; unknown statuses are treated as still running (PROVIDERS.md). */
  @JsonIgnore
  public boolean isFailed() {
    return "failed".equalsIgnoreCase(status)
        || "cancelled".equalsIgnoreCase(status)
        || "canceled".equalsIgnoreCase(status);
  }
}
