package io.trawl.workflows.jobs.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one job lifecycle run.
 *
 * @param asOf the run's clock reading (the cutoff is this minus the threshold)
 * @param thresholdDays the threshold used
 * @param dryRun true when nothing was changed
 * @param markedNow jobs marked inactive by this run (in a dry run: that would be)
 * @param retired per search, the jobs marked
 * @param skipped per search, stale jobs the grace guard kept active, with the reason
 * @param totals the counts after the run
 */
public record JobLifecycleResult(
    Instant asOf,
    int thresholdDays,
    boolean dryRun,
    int markedNow,
    List<RetiredGroup> retired,
    List<SkippedGroup> skipped,
    InactiveSummary totals) {
  public JobLifecycleResult {
    retired = List.copyOf(retired);
    skipped = List.copyOf(skipped);
  }

  public static JobLifecycleResult of(
      JobLifecycleRequest request, Retirement retirement, InactiveSummary totals) {
    return new JobLifecycleResult(
        retirement.asOf(),
        request.thresholdDays(),
        request.dryRun(),
        retirement.markedNow(),
        retirement.retired(),
        retirement.skipped(),
        totals);
  }

  /** The original's summary dictionary, with its key names. */
  public Map<String, Long> originalSummary() {
    Map<String, Long> summary = new LinkedHashMap<>();
    summary.put("total_active", totals.totalActive());
    summary.put("total_inactive", totals.totalInactive());
    summary.put("inactive_last_7_days", totals.inactiveLast7Days());
    summary.put("marked_now", (long) markedNow);
    return summary;
  }

  /** The original's report lines, plus one line per search retired from or kept active. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(dryRun ? "Would mark " : "Marked ")
        .append(markedNow)
        .append(" jobs as inactive (threshold ")
        .append(thresholdDays)
        .append(" days")
        .append(dryRun ? ", dry run: nothing changed)" : ")");
    line(text, "Total active: " + totals.totalActive());
    line(text, "Total inactive: " + totals.totalInactive());
    line(text, "Last 7 days: " + totals.inactiveLast7Days());
    for (RetiredGroup group : retired) {
      line(text, "Retired " + group.jobs() + " of " + group.query() + " in " + group.location());
    }
    for (SkippedGroup group : skipped) {
      line(
          text,
          "Kept "
              + group.staleJobs()
              + " stale jobs of "
              + group.query()
              + " in "
              + group.location()
              + " active: "
              + group.reason());
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String line) {
    text.append(System.lineSeparator()).append("  ").append(line);
  }
}
