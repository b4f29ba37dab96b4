package io.trawl.workflows.jobs;

/**
 * The provider snapshot a run paid for.
 *
 * @param snapshotId Bright Data's id, e.g. "s_m4x7..."
 * @param reused true when a retried trigger found the id already recorded on the run
 */
public record SnapshotRef(String snapshotId, boolean reused) {
  public SnapshotRef {
    if (snapshotId == null || snapshotId.isBlank()) {
      throw new IllegalArgumentException("snapshotId is empty");
    }
  }
}
