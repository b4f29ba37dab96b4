package io.trawl.starter.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.workflows.jobs.JobsActivityOptions;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The overhead half of {@code trawl bench workflows}: the real scrape workflow over no-op
 * activities on one server, as throughput (many runs in flight) and as the latency of one run at a
 * time, and the same activity methods called directly in a loop.
 */
final class OverheadBench {
  /** Progress polls answered "running" before "ready": the sandbox's default. */
  static final int RUNNING_POLLS = 1;

  static final int ACTIVITIES_PER_RUN = NoopScrapeActivities.activitiesPerRun(RUNNING_POLLS);

  /** The one timer a run with one "running" poll sleeps. */
  static final long TIMER_MILLIS =
      JobsActivityOptions.pollFirstInterval(NoopScrapeActivities.PROVIDER).toMillis();

  /**
   * Runs in flight at once by default: enough that each run's first-poll timer overlaps others'
   * work (the ceiling is in-flight / timer runs per second), few enough that the test server's
   * timer lock, whose release walks a list of every open workflow task, stays short.
   */
  static final int DEFAULT_IN_FLIGHT = 250;

  /**
   * One server's figures.
   *
   * @param server "embedded" or "dev"
   * @param runs runs timed for throughput
   * @param seconds their wall time, first start to last result
   * @param runsPerSecond runs over seconds
   * @param msPerActivity wall time per activity at that throughput
   * @param cpuMsPerActivity CPU time per activity at that throughput, of this JVM and the server
   *     process together: what bounds the wall time once the cores are busy
   * @param latencyMsPerActivity one run at a time: (wall time minus its timer) per activity, median
   *     over the sequential runs
   */
  record Figures(
      String server,
      int runs,
      double seconds,
      double runsPerSecond,
      double msPerActivity,
      double cpuMsPerActivity,
      double latencyMsPerActivity) {}

  private OverheadBench() {}

  /** Warms up, then times {@code runs} runs in flight together and a few one at a time. */
  static Figures measure(BenchServer server, int runs, int inFlight) {
    WorkflowClient client = server.client();
    String queue = "trawl-bench-" + server.name() + "-" + Long.toHexString(System.nanoTime());
    NoopScrapeActivities activities = NoopScrapeActivities.readyAfter(RUNNING_POLLS);
    WorkerFactory factory =
        BenchWorker.tuned(true, inFlight + 200).start(server.workerClient(), queue, activities);
    try {
      AtomicInteger ids = new AtomicInteger();
      // Compiled code and warm connections, as a long-lived worker has.
      runBatch(client, queue, inFlight, Math.max(1, Math.min(200, runs / 10)), ids);
      long cpuBefore = server.cpuNanos();
      long started = System.nanoTime();
      runBatch(client, queue, inFlight, runs, ids);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuMillis = (server.cpuNanos() - cpuBefore) / 1e6;
      int sequential = Math.max(1, Math.min(5, runs / 100));
      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < sequential; i++) {
        long one = System.nanoTime();
        runBatch(client, queue, inFlight, 1, ids);
        double millis = (System.nanoTime() - one) / 1e6 - TIMER_MILLIS;
        latencies.add(Math.max(0, millis) / ACTIVITIES_PER_RUN);
      }
      latencies.sort(null);
      double steps = (double) runs * ACTIVITIES_PER_RUN;
      return new Figures(
          server.name(),
          runs,
          seconds,
          runs / seconds,
          seconds * 1000 / steps,
          cpuMillis / steps,
          latencies.get(latencies.size() / 2));
    } finally {
      BenchWorker.stop(factory);
    }
  }

  /**
   * Nanoseconds per activity when the same no-op methods are called directly in a loop, in the
   * order a run calls them: the floor any orchestration adds to.
   */
  static double directNanosPerActivity(int runs) {
    int loops = Math.max(runs, 100_000);
    direct(loops); // warm-up: the JIT compiles the loop before it is timed
    long started = System.nanoTime();
    direct(loops);
    return (System.nanoTime() - started) / ((double) loops * ACTIVITIES_PER_RUN);
  }

  private static void direct(int loops) {
    NoopScrapeActivities activities = NoopScrapeActivities.readyAfter(RUNNING_POLLS);
    long sink = 0;
    for (int i = 0; i < loops; i++) {
      ScrapeRequest request = request(i);
      var interval = activities.checkInterval(request);
      var range = activities.resolveDateRange(request);
      var run = activities.openRun(request, range);
      var provider = activities.selectProvider(run);
      var snapshot = activities.trigger(run, range);
      while (!activities.checkProgress(run, snapshot).ready()) {
        sink++;
      }
      var staged = activities.downloadToStaging(run, snapshot);
      var result = activities.finishRun(run, activities.ingestStaged(run));
      sink += result.runId() + staged.bytes() + provider.mode().length() + (interval.due() ? 1 : 0);
    }
    if (sink == 42) {
      // Keeps the loop's results alive so the JIT cannot drop the calls.
      System.out.print("");
    }
  }

  /** Starts {@code count} runs, at most {@code limit} open at once, and waits for all. */
  private static void runBatch(
      WorkflowClient client, String queue, int limit, int count, AtomicInteger ids) {
    Semaphore open = new Semaphore(limit);
    List<CompletableFuture<ScrapeRunResult>> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      open.acquireUninterruptibly();
      int id = ids.incrementAndGet();
      ScrapeRequest request = request(id);
      WorkflowStub stub =
          client.newUntypedWorkflowStub(
              ScrapeRunWorkflow.class.getSimpleName(), options(queue, id, request));
      stub.start(request);
      CompletableFuture<ScrapeRunResult> result = stub.getResultAsync(ScrapeRunResult.class);
      result.whenComplete((r, e) -> open.release());
      results.add(result);
    }
    for (CompletableFuture<ScrapeRunResult> result : results) {
      ScrapeRunResult done = result.join();
      if (!done.completed()) {
        throw new IllegalStateException("bench run " + done.runId() + " ended " + done.status());
      }
    }
  }

  static ScrapeRequest request(int id) {
    return ScrapeRequest.of("Data Engineer", "Bench " + id);
  }

  static WorkflowOptions options(String queue, int id, ScrapeRequest request) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(queue + "/" + id)
        .setTaskQueue(queue)
        .setTypedSearchAttributes(request.searchAttributes())
        .build();
  }
}
