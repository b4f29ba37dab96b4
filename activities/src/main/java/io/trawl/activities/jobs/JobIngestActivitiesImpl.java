package io.trawl.activities.jobs;

import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.JobIngestActivities;
import io.trawl.workflows.jobs.RunRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 6: staged records into jobs, companies and locations, exactly once per run. */
public final class JobIngestActivitiesImpl implements JobIngestActivities {
  private static final Logger log = LoggerFactory.getLogger(JobIngestActivitiesImpl.class);

  private final JobRepository jobs;
  private final ScrapeRunRepository runs;

  public JobIngestActivitiesImpl(JobRepository jobs, ScrapeRunRepository runs) {
    this.jobs = jobs;
    this.runs = runs;
  }

  /**
   * The run row is locked first and its counts are stored in the same transaction as the upsert:
   * either both commit or neither does, so a retry after a commit (say the worker died before
   * reporting) finds {@code ingested_at} set and returns the stored counts without touching jobs.
   */
  @Override
  public IngestResult ingestStaged(RunRef run) {
    return jobs.inTransaction(
        "ingest run " + run.runId(),
        tx -> {
          Optional<IngestResult> stored = runs.lockForIngest(tx, run.runId());
          if (stored.isPresent()) {
            log.info("ingest already done run={} returning stored counts", run.runId());
            return stored.get();
          }
          IngestResult result = jobs.ingestStaged(tx, run);
          runs.recordIngest(tx, run.runId(), result);
          return result;
        });
  }
}
