package io.trawl.starter.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs one pipeline twice on the same input: once with a worker that is left alone, then with a
 * worker JVM that is SIGKILLed at the {@link KillPlan}'s points and restarted each time.
 */
final class PipelineCrash {
  private static final Duration WORKER_START = Duration.ofMinutes(2);
  private static final Duration REAP_EVERY = Duration.ofMillis(500);
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

  private final ChaosStack stack;
  private final RunTree tree;
  private final Consumer<String> progress;

  PipelineCrash(ChaosStack stack, Consumer<String> progress) {
    this.stack = stack;
    this.tree = new RunTree(stack.client());
    this.progress = progress;
  }

  /** How the uninterrupted run went: its end, its progress over time and its figures. */
  private record Reference(
      String name, String run, List<KillPlan.Sample> timeline, List<Measure> measures) {
    long progress() {
      return timeline.isEmpty() ? 0 : timeline.getLast().progress();
    }
  }

  PipelineResult run(Supplier<CrashPipeline> pipelines, int kills, long seed)
      throws InterruptedException {
    Reference reference;
    try (CrashPipeline pipeline = pipelines.get()) {
      reference = runUninterrupted(pipeline);
    }
    KillPlan plan = KillPlan.draw(seed ^ reference.name().hashCode(), kills, reference.timeline());
    try (CrashPipeline pipeline = pipelines.get()) {
      return runCrashed(pipeline, plan, reference);
    }
  }

  private Reference runUninterrupted(CrashPipeline pipeline) throws InterruptedException {
    String name = pipeline.name();
    progress.accept(name + ": uninterrupted reference run");
    Path dir = stack.directory(Side.REFERENCE, name);
    DataSource database = stack.database(Side.REFERENCE, name);
    pipeline.prepare(database);
    String workflowId = "chaos-crash/" + name + "/reference";
    List<KillPlan.Sample> timeline;
    String run;
    try (ChildWorker worker = startWorker(pipeline, Side.REFERENCE, dir, 0)) {
      long started = System.nanoTime();
      pipeline.start(stack.client(), workflowId);
      timeline = record(workflowId, started);
      run = pipeline.awaitResult(stack.client(), workflowId);
      worker.stop();
    }
    return new Reference(name, run, timeline, pipeline.measures(database, dir));
  }

  private PipelineResult runCrashed(CrashPipeline pipeline, KillPlan plan, Reference reference)
      throws InterruptedException {
    String name = pipeline.name();
    progress.accept(
        name
            + ": run with "
            + plan.kills().size()
            + " kills over "
            + reference.progress()
            + " steps");
    Path dir = stack.directory(Side.CHAOS, name);
    DataSource database = stack.database(Side.CHAOS, name);
    pipeline.prepare(database);
    String workflowId = "chaos-crash/" + name + "/chaos";
    Map<String, Integer> landings = new HashMap<>();
    String crashedRun;
    boolean completed;
    Reaper reaper = new Reaper(workflowId);
    Thread reaping = Thread.ofVirtual().name("chaos-reaper").start(reaper);
    ChildWorker worker = startWorker(pipeline, Side.CHAOS, dir, 0);
    try {
      reaper.cutoff = worker.launchedAt();
      pipeline.start(stack.client(), workflowId);
      int incarnation = 0;
      for (KillPlan.Kill kill : plan.kills()) {
        if (!awaitProgress(workflowId, kill.progress())
            || !awaitPause(workflowId, kill.progress(), kill.pauseMillis())) {
          break;
        }
        RunTree.State state = tree.read(workflowId);
        if (state.rootClosed()) {
          break;
        }
        worker.kill();
        landings.merge(state.landing(), 1, Integer::sum);
        // Every attempt that was running died with the worker.
        tree.failOrphans(workflowId, Instant.now());
        worker = startWorker(pipeline, Side.CHAOS, dir, ++incarnation);
        reaper.cutoff = worker.launchedAt();
      }
      try {
        crashedRun = pipeline.awaitResult(stack.client(), workflowId);
        completed = true;
      } catch (IllegalStateException e) {
        crashedRun = e.getMessage();
        completed = false;
      }
      worker.stop();
    } finally {
      worker.close();
      reaper.stop = true;
      reaping.join(Duration.ofSeconds(10));
    }
    int landed = landings.values().stream().mapToInt(Integer::intValue).sum();
    progress.accept(name + ": " + crashedRun + " after " + landed + " kills");
    return new PipelineResult(
        name,
        reference.run(),
        crashedRun,
        completed,
        plan.kills().size(),
        landings,
        reference.measures(),
        pipeline.measures(database, dir));
  }

  private ChildWorker startWorker(CrashPipeline pipeline, Side side, Path dir, int incarnation)
      throws InterruptedException {
    Map<String, String> env = new HashMap<>(stack.workerEnvironment(side, pipeline.name(), dir));
    env.putAll(pipeline.providerEnvironment());
    return ChildWorker.start(
            env,
            List.of(pipeline.name()),
            dir.resolve("worker-" + incarnation + ".out"),
            dir.resolve("tmp"))
        .awaitPolling(WORKER_START);
  }

  /** The run's progress over time, sampled until it closes. */
  private List<KillPlan.Sample> record(String workflowId, long startedNanos)
      throws InterruptedException {
    List<KillPlan.Sample> timeline = new ArrayList<>();
    while (true) {
      RunTree.State state = tree.read(workflowId);
      timeline.add(
          new KillPlan.Sample((System.nanoTime() - startedNanos) / 1_000_000, state.progress()));
      if (state.rootClosed()) {
        return timeline;
      }
      Thread.sleep(SAMPLE_EVERY.toMillis());
    }
  }

  /**
   * Waits {@code pauseMillis} after the run reached {@code steps}, or less if it has gone past them
   * (a restarted worker can catch up faster than the reference ran): the kill then lands at once,
   * still inside the run, instead of after it has ended. False when the run closed first.
   */
  private boolean awaitPause(String workflowId, long steps, long pauseMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + pauseMillis * 1_000_000L;
    while (System.nanoTime() - deadline < 0) {
      RunTree.State state = tree.read(workflowId);
      if (state.rootClosed()) {
        return false;
      }
      if (state.progress() > steps) {
        return true;
      }
      long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
      Thread.sleep(Math.min(SAMPLE_EVERY.toMillis(), remainingMillis));
    }
    return true;
  }

  /** Waits for the run to reach {@code steps}; false when it closed first. */
  private boolean awaitProgress(String workflowId, long steps) throws InterruptedException {
    while (true) {
      RunTree.State state = tree.read(workflowId);
      if (state.rootClosed()) {
        return false;
      }
      if (state.progress() >= steps) {
        return true;
      }
      Thread.sleep(SAMPLE_EVERY.toMillis());
    }
  }

  /**
   * Fails attempts handed to a worker that was already dead (a poll it left open when killed), so
   * they are retried now rather than after their timeouts.
   */
  private final class Reaper implements Runnable {
    private final String workflowId;
    volatile Instant cutoff = Instant.MIN;
    volatile boolean stop;

    Reaper(String workflowId) {
      this.workflowId = workflowId;
    }

    @Override
    public void run() {
      while (!stop) {
        try {
          Thread.sleep(REAP_EVERY);
          tree.failOrphans(workflowId, cutoff);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // The run may not exist yet, or the server is busy: the next round tries again.
        }
      }
    }
  }
}
