package io.trawl.activities.maintenance;

import io.trawl.activities.spend.StaleHolds;
import io.trawl.activities.store.Jdbc;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The detail retention prunes, one statement per table. Run rows themselves ({@code scrape_runs},
 * {@code pharmacy_runs}, {@code etl_runs}), the jobs and places found, the cost ledger and budgets
 * are kept: they are the record of what was collected and paid for. The ledger's stale holds are
 * closed instead ({@link StaleHolds}): a reservation no attempt will finish would block its day's
 * budget for good.
 */
public final class RetentionRepository {
  private static final String ENDED_SCRAPE_RUNS =
      """
      run_id IN (SELECT id FROM scrape_runs
                 WHERE status <> 'running' AND coalesce(finished_at, started_at) < ?)
      """;
  private static final String ENDED_PHARMACY_RUNS =
      """
      run_id IN (SELECT id FROM pharmacy_runs
                 WHERE status <> 'running' AND coalesce(finished_at, started_at) < ?)
      """;

  /**
   * One table's prunable rows.
   *
   * @param table the table rows are deleted from
   * @param where the condition, with one parameter: the cutoff, or now for {@code byNow}
   * @param byNow compare with the current time instead of the cutoff (expiry, not age)
   */
  private record Target(String table, String where, boolean byNow) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target("job_staging", ENDED_SCRAPE_RUNS, false),
          new Target("job_rejects", ENDED_SCRAPE_RUNS, false),
          new Target("pharmacy_staging", ENDED_PHARMACY_RUNS, false),
          new Target("pharmacy_stage", ENDED_PHARMACY_RUNS, false),
          new Target("pharmacy_searches", ENDED_PHARMACY_RUNS, false),
          new Target("pharmacy_run_places", ENDED_PHARMACY_RUNS, false),
          new Target("market_calls", "at < ?", false),
          // The newest event per source stays: a breaker's last state and an operator's last
          // reset request are read by id, and a reset must not be taken back by its deletion.
          new Target(
              "market_breaker_events",
              """
              at < ? AND id NOT IN (SELECT max(id) FROM market_breaker_events GROUP BY source)
              AND id NOT IN (SELECT max(id) FROM market_breaker_events
                             WHERE from_state = 'reset' GROUP BY source)
              """,
              false),
          // The newest quote of each symbol stays, however old: it is the symbol's last price.
          new Target(
              "quotes",
              """
              fetched_at < ? AND id NOT IN (SELECT DISTINCT ON (symbol) id FROM quotes
                                            ORDER BY symbol, fetched_at DESC, id DESC)
              """,
              false),
          // An Unlocker request left by a call that was never retried: Bright Data keeps its
          // result 48 h, so it cannot be read after the cutoff anyway.
          new Target("unlocker_requests", "submitted_at < ?", false),
          new Target("api_cache", "expires_at IS NOT NULL AND expires_at <= ?", true));

  /** The rows key of stale holds booked as spent, and of those given back. */
  public static final String STALE_HOLDS_BOOKED = "cost_ledger (stale holds booked)";

  public static final String STALE_HOLDS_RELEASED = "cost_ledger (stale holds released)";

  private final Jdbc jdbc;
  private final StaleHolds staleHolds;

  public RetentionRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.staleHolds = new StaleHolds(dataSource);
  }

  /**
   * Deletes (or, with {@code dryRun}, counts) every table's rows past {@code cutoff}; expired cache
   * entries are those whose expiry is at or before {@code now}. Then closes the ledger's holds
   * stale at {@code now}.
   *
   * @return rows per table, in pruning order
   */
  public Map<String, Long> prune(Instant cutoff, Instant now, boolean dryRun) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Target target : TARGETS) {
      Timestamp at = Timestamp.from(target.byNow() ? now : cutoff);
      String where = target.where().strip();
      long count =
          dryRun
              ? jdbc.query(
                  "count prunable rows of " + target.table(),
                  "SELECT count(*) FROM " + target.table() + " WHERE " + where,
                  ps -> ps.setTimestamp(1, at),
                  rs -> {
                    rs.next();
                    return rs.getLong(1);
                  })
              : jdbc.update(
                  "prune " + target.table(),
                  "DELETE FROM " + target.table() + " WHERE " + where,
                  ps -> ps.setTimestamp(1, at));
      rows.put(target.table(), count);
    }
    StaleHolds.Swept swept = staleHolds.sweep(now, dryRun);
    rows.put(STALE_HOLDS_BOOKED, swept.booked());
    rows.put(STALE_HOLDS_RELEASED, swept.released());
    return rows;
  }
}
