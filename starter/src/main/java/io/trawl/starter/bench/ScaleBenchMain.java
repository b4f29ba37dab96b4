package io.trawl.starter.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The measured side of the scale half of {@code trawl bench workflows}, in its own JVM so heap, RSS
 * and threads are the worker's alone: one worker, {@code concurrent} scrape runs started together
 * whose progress stays "running" until every run has polled, then released. Prints one {@code SCALE
 * key=value …} line.
 *
 * <p>Arguments: server target (namespace default), runs, "virtual" or "platform", workflow cache
 * size.
 */
public final class ScaleBenchMain {
  // Starts in flight at once: the server, not this JVM, is what a burst of starts waits on.
  private static final int PARALLEL_STARTS = 16;
  private static final long WAIT_STEP_MILLIS = 100;

  private ScaleBenchMain() {}

  public static void main(String[] args) throws Exception {
    String target = args[0];
    int runs = Integer.parseInt(args[1]);
    boolean virtual = args[2].equals("virtual");
    int cacheSize = Integer.parseInt(args[3]);
    WorkflowClient client = BenchServer.connect(target);
    // Its own connection, as a worker process has (see BenchServer#workerClient).
    WorkflowClient workerClient = BenchServer.connect(target);
    String queue = "trawl-bench-scale-" + args[2] + "-" + Long.toHexString(System.nanoTime());
    NoopScrapeActivities activities = NoopScrapeActivities.heldUntilReleased();
    WorkerFactory factory =
        BenchWorker.tuned(virtual, cacheSize).start(workerClient, queue, activities);
    long started = System.nanoTime();
    List<WorkflowStub> stubs = startAll(client, queue, runs);
    // Every run has polled at least once: all of them are in the poll loop together.
    while (activities.snapshotsPolling() < runs) {
      Thread.sleep(WAIT_STEP_MILLIS);
    }
    double rampSeconds = (System.nanoTime() - started) / 1e9;
    System.gc();
    long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threadsPolling = ManagementFactory.getThreadMXBean().getThreadCount();
    long released = System.nanoTime();
    activities.release();
    int completed = 0;
    for (WorkflowStub stub : stubs) {
      if (stub.getResult(ScrapeRunResult.class).completed()) {
        completed++;
      }
    }
    double drainSeconds = (System.nanoTime() - released) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(
        "SCALE threads="
            + args[2]
            + " runs="
            + runs
            + " completed="
            + completed
            + " ramp_s="
            + rampSeconds
            + " drain_s="
            + drainSeconds
            + " polls="
            + activities.polls()
            + " live_heap="
            + liveHeap
            + " peak_heap="
            + peakHeap
            + " max_heap="
            + Runtime.getRuntime().maxMemory()
            + " rss_peak="
            + procStatusBytes("VmHWM")
            + " threads_polling="
            + threadsPolling
            + " threads_peak="
            + ManagementFactory.getThreadMXBean().getPeakThreadCount());
    BenchWorker.stop(factory);
    client.getWorkflowServiceStubs().shutdown();
    workerClient.getWorkflowServiceStubs().shutdown();
    System.exit(0);
  }

  private static List<WorkflowStub> startAll(WorkflowClient client, String queue, int runs)
      throws Exception {
    Semaphore open = new Semaphore(PARALLEL_STARTS);
    List<Future<WorkflowStub>> started = new ArrayList<>(runs);
    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 1; i <= runs; i++) {
        int id = i;
        open.acquire();
        started.add(
            starts.submit(
                () -> {
                  try {
                    ScrapeRequest request = OverheadBench.request(id);
                    WorkflowStub stub =
                        client.newUntypedWorkflowStub(
                            ScrapeRunWorkflow.class.getSimpleName(),
                            OverheadBench.options(queue, id, request));
                    stub.start(request);
                    return stub;
                  } finally {
                    open.release();
                  }
                }));
      }
    }
    List<WorkflowStub> stubs = new ArrayList<>(runs);
    for (Future<WorkflowStub> stub : started) {
      stubs.add(stub.get());
    }
    return stubs;
  }

  /** A {@code kB} line of /proc/self/status in bytes; -1 where there is no /proc (not Linux). */
  private static long procStatusBytes(String key) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
