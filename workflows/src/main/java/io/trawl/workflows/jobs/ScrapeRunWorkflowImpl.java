package io.trawl.workflows.jobs;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.common.RunInputs;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationKind;
import io.trawl.workflows.notify.Notifications;
import java.time.Duration;
import org.slf4j.Logger;

/** The seven steps of the original scrape orchestrator, as a durable workflow. */
public class ScrapeRunWorkflowImpl implements ScrapeRunWorkflow {
  private static final Logger log = Workflow.getLogger(ScrapeRunWorkflowImpl.class);

  private final ScrapeRunActivities runs =
      Workflow.newActivityStub(ScrapeRunActivities.class, JobsActivityOptions.BOOKKEEPING);
  private final SnapshotActivities providerCalls =
      Workflow.newActivityStub(SnapshotActivities.class, JobsActivityOptions.PROVIDER_CALL);
  private final SnapshotActivities downloads =
      Workflow.newActivityStub(SnapshotActivities.class, JobsActivityOptions.DOWNLOAD);
  private final JobIngestActivities ingest =
      Workflow.newActivityStub(JobIngestActivities.class, JobsActivityOptions.INGEST);

  private long startedAtMillis;
  private String step = "starting";
  private SnapshotProgress lastProgress = new SnapshotProgress("not triggered", 0, 0, null);
  private int polls;

  @Override
  public ScrapeRunResult run(ScrapeRequest input) {
    startedAtMillis = Workflow.currentTimeMillis();
    ScrapeRequest request = RunInputs.require(input, ScrapeRequest.EXAMPLE);
    // Labelled as the CLI labels it, whoever started it (the Web UI, temporal workflow start).
    RunAttributes.upsertAtStart(request.searchAttributes(), request.summary());
    IntervalCheck interval = checkInterval(request); // 0. should_trigger_scrape
    if (interval != null && !interval.due() && request.scheduled()) {
      step = "skipped";
      ScrapeRunResult skipped = runs.recordSkipped(request, interval);
      RunAttributes.upsertStatus(skipped.status());
      return skipped;
    }
    step = "resolving date range";
    DateRangeChoice range = runs.resolveDateRange(request); // 1. from the last completed run
    log.info(
        "step=1 query={} location={} range={} reason={}",
        request.query(),
        request.location(),
        range.range().providerLabel(),
        range.reason());
    step = "opening run";
    RunRef run = runs.openRun(request, range); // 2. the row exists before money is spent
    try {
      step = "selecting provider";
      ProviderRef provider = runs.selectProvider(run); // 3. sandbox or real, recorded on the run
      log.info(
          "step=3 run={} provider={} mode={}", run.runId(), provider.provider(), provider.mode());
      step = "triggering";
      SnapshotRef snapshot = providerCalls.trigger(run, range); // 4. reuses a recorded snapshot id
      log.info(
          "step=4 run={} snapshot={} reused={}",
          run.runId(),
          snapshot.snapshotId(),
          snapshot.reused());
      StagedBatch staged =
          awaitAndDownload(
              run,
              snapshot,
              request.pollDeadline(),
              JobsActivityOptions.pollFirstInterval(provider)); // 5.
      step = "ingesting";
      IngestResult result = ingest.ingestStaged(run); // 6. parse, normalize, dedup, upsert
      log.info(
          "step=6 run={} staged={} found={} new={} updated={} invalid={}",
          run.runId(),
          staged.recordsStaged(),
          result.found(),
          result.newJobs(),
          result.updated(),
          result.invalid());
      step = "finishing";
      ScrapeRunResult finished = runs.finishRun(run, result); // 7. mark completed, return counts
      step = "completed";
      RunAttributes.upsertStatus(finished.status());
      // Shown beside the static summary in the Web UI; workflow metadata, not a command.
      Workflow.setCurrentDetails(finished.jobsFound() + " found / " + finished.jobsNew() + " new");
      if (interval != null && !interval.due()) {
        // A person asked for this run, so it ran; the guard only holds back schedules.
        return finished.withNotice(
            "ran inside the interval: "
                + interval.reason()
                + "; a scheduled run would have been skipped");
      }
      return finished;
    } catch (ActivityFailure | CanceledFailure | ApplicationFailure e) {
      endRun(run, e);
      throw e;
    }
  }

  /**
   * Step 0: the interval guard. Histories recorded before the guard existed replay without it (the
   * version marker), so their commands still line up; null there.
   */
  private IntervalCheck checkInterval(ScrapeRequest request) {
    int version = Workflow.getVersion("interval-guard", Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      return null;
    }
    step = "checking interval";
    IntervalCheck check = runs.checkInterval(request);
    log.info(
        "step=0 query={} location={} scheduled={} due={} reason={}",
        request.query(),
        request.location(),
        request.scheduled(),
        check.due(),
        check.reason());
    return check;
  }

  @Override
  public ScrapeProgress progress() {
    long elapsed =
        startedAtMillis == 0 ? 0 : (Workflow.currentTimeMillis() - startedAtMillis) / 1000;
    return new ScrapeProgress(step, lastProgress.status(), lastProgress.records(), polls, elapsed);
  }

  /**
   * Step 5: polls progress with doubling, capped sleeps until the snapshot is ready, then streams
   * it into staging. The deadline bounds the whole wait so a stuck collection cannot hold a run.
   */
  private StagedBatch awaitAndDownload(
      RunRef run, SnapshotRef snapshot, Duration deadline, Duration firstWait) {
    step = "polling";
    long deadlineAt = Workflow.currentTimeMillis() + deadline.toMillis();
    Duration wait = firstWait;
    while (true) {
      lastProgress = providerCalls.checkProgress(run, snapshot);
      polls++;
      log.info(
          "step=5 run={} poll={} status={} records={}",
          run.runId(),
          polls,
          lastProgress.status(),
          lastProgress.records());
      if (lastProgress.ready()) {
        break;
      }
      if (lastProgress.failed()) {
        throw Failures.collectionFailed(
            "Bright Data collection "
                + snapshot.snapshotId()
                + " "
                + lastProgress.status()
                + ": "
                + lastProgress.errorMessage());
      }
      long remaining = deadlineAt - Workflow.currentTimeMillis();
      if (remaining <= 0) {
        throw Failures.deadlineExceeded(
            "snapshot "
                + snapshot.snapshotId()
                + " not ready after "
                + deadline
                + " ("
                + polls
                + " polls, last status "
                + lastProgress.status()
                + ")");
      }
      Workflow.sleep(min(wait, Duration.ofMillis(remaining)));
      wait = min(wait.multipliedBy(2), JobsActivityOptions.POLL_MAX_INTERVAL);
    }
    step = "downloading";
    StagedBatch staged = downloads.downloadToStaging(run, snapshot);
    log.info(
        "step=5 run={} staged={} bytes={}", run.runId(), staged.recordsStaged(), staged.bytes());
    return staged;
  }

  /**
   * Marks the row failed or cancelled. Runs in a detached scope so it still executes when the
   * workflow itself is being cancelled.
   */
  private void endRun(RunRef run, RuntimeException cause) {
    String status = Failures.isCancellation(cause) ? "cancelled" : "failed";
    String error = Failures.describe(cause);
    step = status;
    log.warn("step=7 run={} status={} error={}", run.runId(), status, error);
    Workflow.newDetachedCancellationScope(
            () -> {
              runs.markEnded(run, status, error);
              RunAttributes.upsertStatus(status);
              if (status.equals("failed")) {
                Notifications.emit(runFailed(run, error));
              }
            })
        .run();
  }

  /** The run_failed alert: the search, the run id and the (secret-free) error. */
  private static NotificationEvent runFailed(RunRef run, String error) {
    return Notifications.event(
        NotificationKind.RUN_FAILED,
        "jobs",
        run.query() + " in " + run.location(),
        error,
        Notifications.details(
            "query", run.query(),
            "location", run.location(),
            "run_id", Long.toString(run.runId())));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
