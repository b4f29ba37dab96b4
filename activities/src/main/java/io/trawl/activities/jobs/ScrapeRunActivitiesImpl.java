package io.trawl.activities.jobs;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.spend.RunBudget;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.DateStrategy;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.IntervalCheck;
import io.trawl.workflows.jobs.IntervalGuard;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunActivities;
import io.trawl.workflows.jobs.ScrapeRunResult;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steps 1, 2, 3 and 7 of a scrape run, over {@code scrape_runs}. */
public final class ScrapeRunActivitiesImpl implements ScrapeRunActivities {
  private static final Logger log = LoggerFactory.getLogger(ScrapeRunActivitiesImpl.class);

  private final ScrapeRunRepository runs;
  private final ProviderRef configuredProvider;
  private final Clock clock;
  private final RunBudget budget;
  private final JobStagingRepository staging;

  /** Without budget accounting: finishing a run settles nothing. */
  public ScrapeRunActivitiesImpl(
      ScrapeRunRepository runs, ProviderRef configuredProvider, Clock clock) {
    this(runs, configuredProvider, clock, null, null);
  }

  /**
   * @param configuredProvider the provider client the worker was built with (sandbox when no token
   *     is in the environment)
   * @param clock read by the date strategy; the activity, not the workflow, owns the clock
   * @param budget settles each finished run's cost; null when nothing is accounted
   * @param staging what a run that ended early had delivered, to settle or release its budget
   */
  public ScrapeRunActivitiesImpl(
      ScrapeRunRepository runs,
      ProviderRef configuredProvider,
      Clock clock,
      RunBudget budget,
      JobStagingRepository staging) {
    this.runs = runs;
    this.configuredProvider = configuredProvider;
    this.clock = clock;
    this.budget = budget;
    this.staging = staging;
  }

  @Override
  public IntervalCheck checkInterval(ScrapeRequest request) {
    Instant lastCompleted =
        runs.lastCompletedStart(request.query(), request.location()).orElse(null);
    IntervalCheck check =
        IntervalGuard.check(lastCompleted, clock.instant(), request.minIntervalHours());
    log.info(
        "interval checked query={} location={} scheduled={} due={} reason=\"{}\"",
        request.query(),
        request.location(),
        request.scheduled(),
        check.due(),
        check.reason());
    return check;
  }

  @Override
  public ScrapeRunResult recordSkipped(ScrapeRequest request, IntervalCheck check) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    ScrapeRunResult skipped = skip(info.getWorkflowId(), info.getRunId(), request, check.reason());
    log.info(
        "run skipped run={} workflow={} reason=\"{}\"",
        skipped.runId(),
        info.getWorkflowId(),
        check.reason());
    return skipped;
  }

  /** The database half of {@link #recordSkipped}, keyed by the Temporal run id. */
  ScrapeRunResult skip(
      String workflowId, String temporalRunId, ScrapeRequest request, String reason) {
    long runId =
        runs.recordSkipped(workflowId, temporalRunId, request.query(), request.location(), reason);
    return runs.find(runId).orElseThrow().withNotice(reason);
  }

  @Override
  public DateRangeChoice resolveDateRange(ScrapeRequest request) {
    Instant lastCompleted =
        runs.lastCompletedStart(request.query(), request.location()).orElse(null);
    DateRangeChoice choice =
        DateStrategy.choose(lastCompleted, clock.instant(), request.lookbackDays());
    log.info(
        "date range chosen query={} location={} range={} lookback_days={} last_completed={}"
            + " reason=\"{}\"",
        request.query(),
        request.location(),
        choice.range().providerLabel(),
        choice.lookbackDays(),
        lastCompleted,
        choice.reason());
    return choice;
  }

  @Override
  public RunRef openRun(ScrapeRequest request, DateRangeChoice range) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    RunRef run = open(info.getWorkflowId(), info.getRunId(), request, range);
    log.info(
        "run opened run={} workflow={} temporal_run={} attempt={}",
        run.runId(),
        info.getWorkflowId(),
        info.getRunId(),
        info.getAttempt());
    return run;
  }

  /** The database half of {@link #openRun}, keyed by the Temporal run id. */
  RunRef open(
      String workflowId, String temporalRunId, ScrapeRequest request, DateRangeChoice range) {
    long runId =
        runs.openRun(
            workflowId,
            temporalRunId,
            request.query(),
            request.location(),
            range,
            configuredProvider.mode());
    return new RunRef(runId, workflowId, request.query(), request.location());
  }

  @Override
  public ProviderRef selectProvider(RunRef run) {
    runs.recordProvider(run.runId(), configuredProvider);
    log.info(
        "provider selected run={} provider={} mode={}",
        run.runId(),
        configuredProvider.provider(),
        configuredProvider.mode());
    return configuredProvider;
  }

  @Override
  public ScrapeRunResult finishRun(RunRef run, IngestResult result) {
    if (budget != null) {
      // Bright Data bills delivered content records; error records are free.
      budget.settle(PaidCalls.runKey(run.runId()), result.found());
    }
    ScrapeRunResult finished = runs.complete(run.runId(), result);
    log.info(
        "run finished run={} status={} found={} new={} updated={} invalid={} duplicates={}"
            + " duration_s={}",
        finished.runId(),
        finished.status(),
        finished.jobsFound(),
        finished.jobsNew(),
        finished.jobsUpdated(),
        finished.jobsInvalid(),
        finished.duplicates(),
        finished.durationSeconds());
    return finished;
  }

  @Override
  public ScrapeRunResult markEnded(RunRef run, String status, String error) {
    ScrapeRunResult ended = runs.markEnded(run.runId(), status, error);
    if (budget != null && staging != null) {
      // A failed or cancelled run must not hold its reservation for the rest of the day.
      budget.closeUnfinished(PaidCalls.runKey(run.runId()), staging.count(run.runId()));
    }
    log.info(
        "run ended run={} requested={} stored_status={} error=\"{}\"",
        run.runId(),
        status,
        ended.status(),
        error);
    return ended;
  }
}
