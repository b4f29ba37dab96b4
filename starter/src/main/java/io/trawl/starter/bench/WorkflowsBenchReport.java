package io.trawl.starter.bench;

import io.trawl.worker.config.ByteSize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code trawl bench workflows} measured, the targets it checks and how it prints them.
 *
 * @param activitiesPerRun activities one run makes
 * @param directNanosPerActivity the same no-op methods called directly, per activity
 * @param overhead one entry per server measured
 * @param ratios the overhead figures against the direct calls and against Prefect, per server
 * @param skipped servers that could not be measured, with the reason
 * @param scale one entry per thread kind
 * @param cacheSize the scale worker's workflow cache
 * @param targets every target with its figure
 * @param verdict "target met" or "target missed: …"
 */
record WorkflowsBenchReport(
    int activitiesPerRun,
    double directNanosPerActivity,
    List<OverheadBench.Figures> overhead,
    List<Ratios> ratios,
    List<String> skipped,
    List<ScaleBench.Figures> scale,
    int cacheSize,
    List<BenchTarget> targets,
    String verdict) {

  /** Prefect 3, a flow of 7 no-op tasks on its default local API, on these machines. */
  static final double PREFECT_MS_PER_TASK = 155;

  static final double EMBEDDED_MS_LIMIT = 3;
  static final double DEV_MS_LIMIT = 10;
  static final long RSS_LIMIT = 2L << 30;

  /**
   * One server's overhead as ratios.
   *
   * @param server "embedded" or "dev"
   * @param timesDirectCall ms per activity over a direct call's time
   * @param prefectOverLatency Prefect's ms per task over the latency per activity: how many times
   *     faster a step is
   */
  record Ratios(String server, double timesDirectCall, double prefectOverLatency) {
    static Ratios of(OverheadBench.Figures figures, double directNanos) {
      return new Ratios(
          figures.server(),
          figures.msPerActivity() * 1e6 / directNanos,
          PREFECT_MS_PER_TASK / Math.max(figures.latencyMsPerActivity(), 1e-3));
    }
  }

  static WorkflowsBenchReport of(
      double directNanos,
      List<OverheadBench.Figures> overhead,
      List<String> skipped,
      List<ScaleBench.Figures> scale,
      int cacheSize) {
    List<BenchTarget> targets = new ArrayList<>();
    for (OverheadBench.Figures figures : overhead) {
      boolean embedded = figures.server().equals("embedded");
      targets.add(
          BenchTarget.atMost(
              figures.server() + " ms per activity",
              figures.msPerActivity(),
              embedded ? EMBEDDED_MS_LIMIT : DEV_MS_LIMIT,
              "ms"));
    }
    for (ScaleBench.Figures figures : scale) {
      String label = figures.threads() + " threads ";
      targets.add(
          BenchTarget.atLeast(label + "runs completed", figures.completed(), figures.runs(), ""));
      targets.add(
          BenchTarget.atMost(
              label + "peak heap", figures.peakHeap(), ScaleBench.MAX_HEAP_BYTES, "bytes"));
      targets.add(BenchTarget.atMost(label + "peak RSS", figures.rssPeak(), RSS_LIMIT, "bytes"));
    }
    String verdict = BenchTarget.verdict(targets);
    List<Ratios> ratios = overhead.stream().map(f -> Ratios.of(f, directNanos)).toList();
    return new WorkflowsBenchReport(
        OverheadBench.ACTIVITIES_PER_RUN,
        directNanos,
        overhead,
        ratios,
        skipped,
        scale,
        cacheSize,
        targets,
        verdict);
  }

  void print(PrintWriter out) {
    if (!overhead.isEmpty() || !skipped.isEmpty()) {
      printOverhead(out);
    }
    printScale(out);
    BenchTarget.print(out, targets);
    out.flush();
  }

  private void printOverhead(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "overhead: the real ScrapeRunWorkflow, no-op activities (%d activities and one %d ms timer"
            + " per run)%n",
        activitiesPerRun,
        OverheadBench.TIMER_MILLIS);
    out.printf(
        Locale.ROOT,
        "  %-26s %6s %8s %8s %12s %9s %7s %11s %9s%n",
        "",
        "runs",
        "wall s",
        "runs/s",
        "ms/activity",
        "x direct",
        "cpu ms",
        "latency ms",
        "Prefect/");
    out.printf(
        Locale.ROOT,
        "  %-26s %6s %8s %8s %12.6f %9s %7s %11s %9s%n",
        "direct method calls",
        "",
        "",
        "",
        directNanosPerActivity / 1e6,
        "1",
        "",
        "",
        "");
    for (int i = 0; i < overhead.size(); i++) {
      OverheadBench.Figures figures = overhead.get(i);
      Ratios ratio = ratios.get(i);
      out.printf(
          Locale.ROOT,
          "  %-26s %6d %8.2f %8.1f %12.2f %9.0f %7.2f %11.2f %8.0fx%n",
          figures.server().equals("embedded")
              ? "embedded test server"
              : "dev server (temporal CLI)",
          figures.runs(),
          figures.seconds(),
          figures.runsPerSecond(),
          figures.msPerActivity(),
          ratio.timesDirectCall(),
          figures.cpuMsPerActivity(),
          figures.latencyMsPerActivity(),
          ratio.prefectOverLatency());
    }
    for (String reason : skipped) {
      out.println("  skipped: " + reason);
    }
    out.printf(
        Locale.ROOT,
        "  ms/activity: wall time per activity with many runs in flight; cpu ms: CPU time per"
            + " activity of trawl's JVM and the server;%n  latency: one run alone, its timer"
            + " excluded; Prefect/: Prefect 3's %.0f ms per no-op task over that latency%n",
        PREFECT_MS_PER_TASK);
  }

  private void printScale(PrintWriter out) {
    if (!scale.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "scale: one worker in a -Xmx%s JVM, runs polling until released, workflow cache %d%n",
          ScaleBench.MAX_HEAP,
          cacheSize);
      out.printf(
          Locale.ROOT,
          "  %-9s %6s %9s %7s %8s %10s %10s %10s %8s%n",
          "threads",
          "runs",
          "completed",
          "ramp s",
          "drain s",
          "live heap",
          "peak heap",
          "peak RSS",
          "threads");
      for (ScaleBench.Figures figures : scale) {
        out.printf(
            Locale.ROOT,
            "  %-9s %6d %9d %7.1f %8.1f %10s %10s %10s %8d%n",
            figures.threads(),
            figures.runs(),
            figures.completed(),
            figures.rampSeconds(),
            figures.drainSeconds(),
            ByteSize.format(figures.liveHeap()),
            ByteSize.format(figures.peakHeap()),
            ByteSize.format(figures.rssPeak()),
            figures.threadsPeak());
      }
      out.println(
          "  live heap: after a full GC with every run polling; threads: peak JVM threads"
              + " (virtual threads not counted)");
    }
  }
}
