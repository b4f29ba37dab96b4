package io.trawl.workflows.jobs;

import io.temporal.activity.ActivityInterface;

/** Calls to the Bright Data Datasets API: steps 4 and 5. */
@ActivityInterface
public interface SnapshotActivities {
  /**
   * Step 4: triggers the collection for the run's search and date range. The snapshot id is stored
   * on the run row before returning; a retried trigger finds it there and returns it with {@code
   * reused = true}, so a run never pays for two snapshots. Throws {@code ProviderRateLimited} (with
   * Retry-After), {@code ProviderUnavailable}, or non-retryable {@code ProviderRejected}.
   */
  SnapshotRef trigger(RunRef run, DateRangeChoice range);

  /** Step 5a: one progress reading. Throws {@code ProviderUnavailable} on 5xx or HTML answers. */
  SnapshotProgress checkProgress(RunRef run, SnapshotRef snapshot);

  /**
   * Step 5b: streams the snapshot into {@code job_staging} for the run (claim-check: no record
   * passes through Temporal). Replaces whatever an earlier attempt staged, so it is idempotent. An
   * empty snapshot stages 0 records. Throws retryable {@code SnapshotNotReady} on 202 and {@code
   * ProviderUnavailable} on a truncated body; non-retryable {@code CollectionFailed} when the
   * snapshot expired or does not exist.
   */
  StagedBatch downloadToStaging(RunRef run, SnapshotRef snapshot);
}
