package io.trawl.activities.maintenance;

import io.trawl.workflows.maintenance.PruneResult;
import io.trawl.workflows.maintenance.RetentionActivities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prunes old runs' detail under the worker's {@code retention.days}. */
public final class RetentionActivitiesImpl implements RetentionActivities {
  private static final Logger log = LoggerFactory.getLogger(RetentionActivitiesImpl.class);

  private final RetentionRepository repository;
  private final int days;
  private final Clock clock;

  /**
   * @param days detail of runs that ended more than this many days ago is pruned
   * @param clock the activity, not the workflow, owns the clock
   */
  public RetentionActivitiesImpl(RetentionRepository repository, int days, Clock clock) {
    if (days < 1) {
      throw new IllegalArgumentException("retention days must be >= 1, got " + days);
    }
    this.repository = repository;
    this.days = days;
    this.clock = clock;
  }

  @Override
  public PruneResult prune(boolean dryRun) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(Duration.ofDays(days));
    Map<String, Long> rows = repository.prune(cutoff, now, dryRun);
    PruneResult result = new PruneResult(days, cutoff, dryRun, rows);
    log.info(
        "retention prune days={} cutoff={} dry_run={} total={} rows={}",
        days,
        cutoff,
        dryRun,
        result.total(),
        rows);
    return result;
  }
}
