package io.trawl.workflows.jobs;

import io.temporal.activity.ActivityInterface;

/** Step 6: turns staged raw records into jobs, companies and locations. */
@ActivityInterface
public interface JobIngestActivities {
  /**
   * Parses, normalizes and dedups the run's staged records and upserts companies, locations and
   * jobs in one transaction. Malformed records are counted and kept with their reason. Idempotent:
   * counts are stored per run, so a retry after a commit returns the stored counts.
   */
  IngestResult ingestStaged(RunRef run);
}
