package io.trawl.activities.jobs;

import io.trawl.activities.jobs.store.JobLifecycleRepository;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.lifecycle.InactiveSummary;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleActivities;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import io.trawl.workflows.jobs.lifecycle.Retirement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job lifecycle's steps over {@link JobLifecycleRepository}. */
public final class JobLifecycleActivitiesImpl implements JobLifecycleActivities {
  private static final Logger log = LoggerFactory.getLogger(JobLifecycleActivitiesImpl.class);

  private final JobLifecycleRepository jobs;

  public JobLifecycleActivitiesImpl(JobLifecycleRepository jobs) {
    this.jobs = jobs;
  }

  @Override
  public Retirement retireStaleJobs(JobLifecycleRequest request, Instant asOf) {
    if (request.thresholdDays() < 1) {
      throw Failures.invalidInput(
          "threshold days must be 1 or more, got " + request.thresholdDays());
    }
    Retirement retirement = jobs.retire(asOf, request.thresholdDays(), request.dryRun());
    log.info(
        "stale jobs retired as_of={} cutoff={} dry_run={} marked={} searches_retired={}"
            + " searches_kept={}",
        asOf,
        retirement.cutoff(),
        request.dryRun(),
        retirement.markedNow(),
        retirement.retired().size(),
        retirement.skipped().size());
    retirement
        .skipped()
        .forEach(
            group ->
                log.info(
                    "grace guard kept query={} location={} stale_jobs={} reason=\"{}\"",
                    group.query(),
                    group.location(),
                    group.staleJobs(),
                    group.reason()));
    return retirement;
  }

  @Override
  public InactiveSummary summarizeInactive(Instant asOf) {
    return jobs.summarize(asOf);
  }
}
