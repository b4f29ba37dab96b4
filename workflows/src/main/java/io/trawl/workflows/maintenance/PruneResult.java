package io.trawl.workflows.maintenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pruning removed (or, on a dry run, would remove).
 *
 * @param retentionDays the worker's {@code retention.days}
 * @param cutoff detail of runs that ended before this instant was pruned
 * @param dryRun nothing was deleted; {@code rows} are what would have been
 * @param rows rows per table, in the order they were pruned
 */
public record PruneResult(
    int retentionDays, Instant cutoff, boolean dryRun, Map<String, Long> rows) {
  public PruneResult {
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retentionDays must be >= 1, got " + retentionDays);
    }
    rows =
        rows == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** Rows of every table together. */
  public long total() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
