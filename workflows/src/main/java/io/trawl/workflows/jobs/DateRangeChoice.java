package io.trawl.workflows.jobs;

/**
 * The date range a run asks the provider for, and why.
 *
 * @param range the provider time range
 * @param lookbackDays the days that range stands for (recorded in the run's metadata)
 * @param reason one sentence for the log and the run row, e.g. "last completed run 3h ago"
 */
public record DateRangeChoice(DateRange range, int lookbackDays, String reason) {
  public DateRangeChoice {
    if (range == null) {
      throw new IllegalArgumentException("range is null");
    }
  }
}
