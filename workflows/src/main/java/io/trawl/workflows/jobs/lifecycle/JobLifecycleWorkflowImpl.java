package io.trawl.workflows.jobs.lifecycle;

import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.jobs.JobsActivityOptions;
import java.time.Instant;
import org.slf4j.Logger;

/** The original's {@code daily_cleanup}: mark inactive, then summarize. */
public class JobLifecycleWorkflowImpl implements JobLifecycleWorkflow {
  private static final Logger log = Workflow.getLogger(JobLifecycleWorkflowImpl.class);

  private final JobLifecycleActivities lifecycle =
      Workflow.newActivityStub(JobLifecycleActivities.class, JobsActivityOptions.LIFECYCLE);

  @Override
  public JobLifecycleResult run(JobLifecycleRequest input) {
    // Every field has a default, so a run started with no input at all is a default run.
    JobLifecycleRequest request = input == null ? JobLifecycleRequest.defaults() : input;
    // Labelled as the CLI labels it, whoever started it (the Web UI, temporal workflow start).
    RunAttributes.upsertAtStart(JobLifecycleRequest.searchAttributes(), request.summary());
    // 1. One clock reading for the whole run: the cutoff, the inactive_since stamp and the
    // summary's seven-day window all derive from it, so a retried step sees the same instant.
    Instant asOf = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Retirement retirement = lifecycle.retireStaleJobs(request, asOf); // 2. mark_inactive_jobs
    log.info(
        "lifecycle threshold_days={} dry_run={} marked={} retired_searches={} skipped_searches={}",
        request.thresholdDays(),
        request.dryRun(),
        retirement.markedNow(),
        retirement.retired().size(),
        retirement.skipped().size());
    InactiveSummary totals = lifecycle.summarizeInactive(asOf); // 3. get_inactive_jobs_summary
    RunAttributes.upsertStatus("completed");
    return JobLifecycleResult.of(request, retirement, totals);
  }
}
