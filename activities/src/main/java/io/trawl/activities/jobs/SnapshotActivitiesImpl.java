package io.trawl.activities.jobs;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.RequestSent;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.DownloadOutcome;
import io.trawl.activities.providers.brightdata.TriggerInput;
import io.trawl.activities.spend.RunBudget;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.SnapshotActivities;
import io.trawl.workflows.jobs.SnapshotProgress;
import io.trawl.workflows.jobs.SnapshotRef;
import io.trawl.workflows.jobs.StagedBatch;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steps 4 and 5 of a scrape run: trigger, progress, and the claim-check download. */
public final class SnapshotActivitiesImpl implements SnapshotActivities {
  private static final Logger log = LoggerFactory.getLogger(SnapshotActivitiesImpl.class);

  /** Records between heartbeats; the SDK throttles further, so this only bounds the overhead. */
  static final int HEARTBEAT_EVERY = 2_000;

  private final JobStagingRepository staging;
  private final BrightDataClient client;
  private final ScrapeRunRepository runs;
  private final int heartbeatEvery;
  private final PaidCalls paid;

  /** Calls behind a default breaker, with no budget accounting. */
  public SnapshotActivitiesImpl(
      DataSource dataSource, BrightDataClient client, ScrapeRunRepository runs) {
    this(dataSource, client, runs, PaidCalls.unaccounted());
  }

  public SnapshotActivitiesImpl(
      DataSource dataSource, BrightDataClient client, ScrapeRunRepository runs, PaidCalls paid) {
    this(dataSource, client, runs, HEARTBEAT_EVERY, paid);
  }

  SnapshotActivitiesImpl(
      DataSource dataSource,
      BrightDataClient client,
      ScrapeRunRepository runs,
      int heartbeatEvery,
      PaidCalls paid) {
    this.staging = new JobStagingRepository(dataSource);
    this.client = client;
    this.runs = runs;
    this.heartbeatEvery = heartbeatEvery;
    this.paid = paid;
  }

  @Override
  public SnapshotRef trigger(RunRef run, DateRangeChoice range) {
    Optional<String> recorded = runs.findSnapshotId(run.runId());
    if (recorded.isPresent()) {
      log.info("trigger reused run={} snapshot={}", run.runId(), recorded.get());
      return new SnapshotRef(recorded.get(), true);
    }
    String runKey = PaidCalls.runKey(run.runId());
    RequestSent sent =
        paid.budget() == null ? RequestSent.NONE : reserve(run, runKey, paid.budget());
    String snapshotId;
    try {
      snapshotId =
          paid.breaker()
              .call(
                  () ->
                      client.trigger(
                          TriggerInput.of(run.query(), run.location(), range.range()), sent));
    } catch (ApplicationFailure refused) {
      if (refused.isNonRetryable() && paid.budget() != null) {
        // Bright Data refused the trigger for good: nothing was bought.
        paid.budget().release(runKey);
      }
      throw refused;
    }
    paid.listener().paidCall("brightdata", client.isSandbox() ? "sandbox" : "real");
    try {
      runs.recordSnapshotId(run.runId(), snapshotId);
    } catch (RuntimeException e) {
      // The collection is paid for but the run does not know it: a person may have to attach it.
      log.error(
          "trigger paid but not recorded run={} snapshot={}: {}",
          run.runId(),
          snapshotId,
          e.getMessage());
      throw e;
    }
    log.info(
        "trigger recorded run={} snapshot={} range=\"{}\" provider={}",
        run.runId(),
        snapshotId,
        range.range().providerLabel(),
        client.isSandbox() ? "sandbox" : "real");
    return new SnapshotRef(snapshotId, false);
  }

  /**
   * Reserves the run's expected cost before the money goes (refused when the day is spent), and
   * returns what tells its ledger entry about the trigger request.
   */
  private static RequestSent reserve(RunRef run, String runKey, RunBudget budget) {
    budget.reserve(runKey);
    if (budget.earlierCallLost(runKey)) {
      // Bright Data has no way to find a snapshot by its input, and no idempotency key: the run
      // needs its data, so it triggers again, and the books say the first may be orphaned.
      log.warn(
          "trigger of an earlier attempt left and its snapshot id was never recorded run={}:"
              + " Bright Data may be collecting an orphaned snapshot; triggering again",
          run.runId());
    }
    return new TriggerSent(budget, runKey);
  }

  @Override
  public SnapshotProgress checkProgress(RunRef run, SnapshotRef snapshot) {
    SnapshotProgress progress = paid.breaker().call(() -> client.progress(snapshot.snapshotId()));
    log.info(
        "progress run={} snapshot={} status={} records={} errors={}",
        run.runId(),
        snapshot.snapshotId(),
        progress.status(),
        progress.records(),
        progress.errors());
    return progress;
  }

  @Override
  public StagedBatch downloadToStaging(RunRef run, SnapshotRef snapshot) {
    IntConsumer heartbeat = heartbeat();
    JobStagingRepository.Replaced<DownloadOutcome> staged =
        staging.replace(
            run.runId(),
            stage -> {
              int[] seen = {0};
              DownloadOutcome outcome =
                  paid.breaker()
                      .call(
                          () ->
                              client.download(
                                  snapshot.snapshotId(),
                                  raw -> {
                                    stage.accept(raw);
                                    if (++seen[0] % heartbeatEvery == 0) {
                                      heartbeat.accept(seen[0]);
                                    }
                                  }));
              if (outcome instanceof DownloadOutcome.NotReady notReady) {
                // Thrown inside the transaction so the previous staged batch stays as it was.
                throw Failures.snapshotNotReady(
                    "snapshot "
                        + snapshot.snapshotId()
                        + " of run "
                        + run.runId()
                        + " is not ready: "
                        + notReady.message(),
                    notReady.retryAfter());
              }
              return outcome;
            });
    long bytes = staged.result() instanceof DownloadOutcome.Delivered d ? d.bytes() : 0;
    log.info(
        "snapshot staged run={} snapshot={} records={} bytes={} empty={}",
        run.runId(),
        snapshot.snapshotId(),
        staged.rows(),
        bytes,
        staged.result() instanceof DownloadOutcome.Empty);
    return new StagedBatch(run.runId(), staged.rows(), bytes);
  }

  /**
   * Heartbeats with the records staged so far when running as an activity; a no-op when called
   * directly (tests, tools), where {@link Activity#getExecutionContext()} throws.
   */
  private static IntConsumer heartbeat() {
    try {
      ActivityExecutionContext context = Activity.getExecutionContext();
      return records -> context.heartbeat(records);
    } catch (IllegalStateException outsideActivity) {
      return records -> {};
    }
  }
}
