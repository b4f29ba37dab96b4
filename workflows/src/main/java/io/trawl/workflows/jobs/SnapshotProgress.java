package io.trawl.workflows.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One reading of a snapshot's progress.
 *
 * @param status the provider's status text (starting, running, ready, failed, or anything new)
 * @param records records collected so far, when the provider says
 * @param errors error records so far, when the provider says
 * @param errorMessage the provider's message when the status is failed
 *     <p>The helpers are not named {@code isX}: Jackson would serialize them as properties, and
 *     Temporal's converter refuses unknown properties when it reads the record back.
 */
public record SnapshotProgress(String status, int records, int errors, String errorMessage) {
  // Derived, not data: serialized as "ready"/"failed" they would fail to decode in the workflow.
  @JsonIgnore
  public boolean ready() {
    return "ready".equalsIgnoreCase(status);
  }

  /** Failed or cancelled; unknown statuses are treated as still running (PROVIDERS.md). */
  @JsonIgnore
  public boolean failed() {
    return "failed".equalsIgnoreCase(status)
        || "cancelled".equalsIgnoreCase(status)
        || "canceled".equalsIgnoreCase(status);
  }
}
