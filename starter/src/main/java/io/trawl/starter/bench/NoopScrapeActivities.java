package io.trawl.starter.bench;

import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.IntervalCheck;
import io.trawl.workflows.jobs.JobIngestActivities;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunActivities;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.SnapshotActivities;
import io.trawl.workflows.jobs.SnapshotProgress;
import io.trawl.workflows.jobs.SnapshotRef;
import io.trawl.workflows.jobs.StagedBatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs pipeline's activities with nothing behind them, so a bench measures what Temporal and
 * the workflow cost and nothing else. Progress answers "running" a set number of times per snapshot
 * and then "ready", as the sandbox does (one "running" by default); held, it answers "running"
 * until {@link #release()}.
 */
final class NoopScrapeActivities
    implements ScrapeRunActivities, SnapshotActivities, JobIngestActivities {
  /** The provider the no-op runs record: the sandbox, so their first poll waits as a demo's. */
  static final ProviderRef PROVIDER = new ProviderRef("brightdata", ProviderRef.SANDBOX);

  /** Activities a run makes when progress says "running" {@code runningPolls} times. */
  static int activitiesPerRun(int runningPolls) {
    // checkInterval, resolveDateRange, openRun, selectProvider, trigger, the polls, the ready
    // poll, downloadToStaging, ingestStaged, finishRun.
    return 9 + runningPolls;
  }

  private static final IngestResult INGESTED = new IngestResult(0, 0, 0, 0, 0, 0);
  private static final DateRangeChoice RANGE =
      new DateRangeChoice(DateRange.PAST_24_HOURS, 1, "bench: no previous run");

  private final int runningPolls;
  private final CountDownLatch held;
  private final AtomicLong runIds = new AtomicLong();
  private final AtomicLong polls = new AtomicLong();
  // Polls so far per snapshot; removed when the snapshot is downloaded, so it stays as small as
  // the number of runs in flight.
  private final ConcurrentHashMap<String, AtomicInteger> pollsBySnapshot =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> polledOnce = new ConcurrentHashMap<>();

  private NoopScrapeActivities(int runningPolls, CountDownLatch held) {
    this.runningPolls = runningPolls;
    this.held = held;
  }

  /** Progress says "running" {@code runningPolls} times per snapshot, then "ready". */
  static NoopScrapeActivities readyAfter(int runningPolls) {
    return new NoopScrapeActivities(runningPolls, null);
  }

  /** Progress says "running" until {@link #release()}, then "ready". */
  static NoopScrapeActivities heldUntilReleased() {
    return new NoopScrapeActivities(Integer.MAX_VALUE, new CountDownLatch(1));
  }

  /** From now on every progress poll answers "ready". */
  void release() {
    held.countDown();
  }

  /** Progress polls answered so far. */
  long polls() {
    return polls.get();
  }

  /** Distinct snapshots polled at least once and not yet downloaded: runs waiting right now. */
  int snapshotsPolling() {
    return polledOnce.size();
  }

  @Override
  public IntervalCheck checkInterval(ScrapeRequest request) {
    return new IntervalCheck(true, null, "bench: no previous run");
  }

  @Override
  public ScrapeRunResult recordSkipped(ScrapeRequest request, IntervalCheck check) {
    throw new UnsupportedOperationException("bench runs are never scheduled");
  }

  @Override
  public DateRangeChoice resolveDateRange(ScrapeRequest request) {
    return RANGE;
  }

  @Override
  public RunRef openRun(ScrapeRequest request, DateRangeChoice range) {
    return new RunRef(
        runIds.incrementAndGet(), request.workflowId(), request.query(), request.location());
  }

  @Override
  public ProviderRef selectProvider(RunRef run) {
    return PROVIDER;
  }

  @Override
  public ScrapeRunResult finishRun(RunRef run, IngestResult result) {
    return new ScrapeRunResult(
        run.runId(),
        run.query(),
        run.location(),
        "completed",
        result.found(),
        result.newJobs(),
        result.updated(),
        result.invalid(),
        result.duplicates(),
        0,
        "s_bench_" + run.runId(),
        ProviderRef.SANDBOX,
        RANGE.range().providerLabel(),
        null);
  }

  @Override
  public ScrapeRunResult markEnded(RunRef run, String status, String error) {
    return new ScrapeRunResult(
        run.runId(),
        run.query(),
        run.location(),
        status,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        error);
  }

  @Override
  public SnapshotRef trigger(RunRef run, DateRangeChoice range) {
    return new SnapshotRef("s_bench_" + run.runId(), false);
  }

  @Override
  public SnapshotProgress checkProgress(RunRef run, SnapshotRef snapshot) {
    polls.incrementAndGet();
    String id = snapshot.snapshotId();
    if (held != null) {
      polledOnce.put(id, Boolean.TRUE);
      return held.getCount() == 0 ? ready() : running();
    }
    int seen = pollsBySnapshot.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    return seen > runningPolls ? ready() : running();
  }

  @Override
  public StagedBatch downloadToStaging(RunRef run, SnapshotRef snapshot) {
    pollsBySnapshot.remove(snapshot.snapshotId());
    polledOnce.remove(snapshot.snapshotId());
    return new StagedBatch(run.runId(), 0, 0);
  }

  @Override
  public IngestResult ingestStaged(RunRef run) {
    return INGESTED;
  }

  private static SnapshotProgress running() {
    return new SnapshotProgress("running", 0, 0, null);
  }

  private static SnapshotProgress ready() {
    return new SnapshotProgress("ready", 0, 0, null);
  }
}
