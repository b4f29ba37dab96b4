package io.trawl.activities.jobs.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.jobs.lifecycle.InactiveSummary;
import io.trawl.workflows.jobs.lifecycle.RetiredGroup;
import io.trawl.workflows.jobs.lifecycle.Retirement;
import io.trawl.workflows.jobs.lifecycle.SkippedGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The lifecycle columns of {@code jobs} ({@code is_active}, {@code inactive_since}): retiring jobs
 * not seen for a while, and the counts and listings about them.
 *
 * <p>Staleness is judged per search ({@code last_query}, {@code last_location}, compared without
 * case as everywhere else): a job is retired only when its search had a completed scrape inside the
 * threshold window. Without that grace guard, a week of failing scrapes would retire every live job
 * of the search, because "not seen" would only mean "not looked for".
 */
public final class JobLifecycleRepository {
  private static final Duration LAST_WEEK = Duration.ofDays(7);

  // One row per search with stale active jobs, and when the search last completed a scrape.
  private static final String STALE_SEARCHES =
      """
      WITH stale AS (
        SELECT lower(last_query) AS query_key, lower(last_location) AS location_key,
          min(last_query) AS query, min(last_location) AS location, count(*) AS jobs
        FROM jobs WHERE is_active AND last_seen_at < ?
        GROUP BY 1, 2
      )
      SELECT s.query, s.location, s.jobs,
        (SELECT max(r.started_at) FROM scrape_runs r
         WHERE r.status = 'completed'
           AND lower(r.query) = s.query_key AND lower(r.location) = s.location_key) AS last_completed
      FROM stale s ORDER BY s.query_key, s.location_key
      """;

  // Stamps inactive_since with the run's as-of time: the stamp is how a retry finds its own marks.
  private static final String RETIRE_GUARDED =
      """
      UPDATE jobs j SET is_active = false, inactive_since = ?
      WHERE j.is_active AND j.last_seen_at < ?
        AND EXISTS (
          SELECT 1 FROM scrape_runs r
          WHERE r.status = 'completed' AND r.started_at >= ?
            AND lower(r.query) = lower(j.last_query) AND lower(r.location) = lower(j.last_location))
      """;

  private static final String RETIRED_BY_STAMP =
      """
      SELECT min(last_query) AS query, min(last_location) AS location, count(*) AS jobs
      FROM jobs WHERE NOT is_active AND inactive_since = ?
      GROUP BY lower(last_query), lower(last_location)
      ORDER BY lower(last_query), lower(last_location)
      """;

  private static final String COUNT_BY_STATE =
      """
      SELECT count(*) FILTER (WHERE is_active) AS active,
        count(*) FILTER (WHERE NOT is_active) AS inactive,
        count(*) FILTER (WHERE NOT is_active AND inactive_since >= ?) AS inactive_recent
      FROM jobs
      """;

  private static final String RECENTLY_INACTIVE =
      """
      SELECT j.job_posting_id, j.title, c.name AS company,
        concat_ws(', ', nullif(l.city, ''), nullif(l.country, '')) AS place,
        j.last_query, j.last_location, j.last_seen_at, j.inactive_since
      FROM jobs j
        LEFT JOIN companies c ON c.id = j.company_id
        LEFT JOIN locations l ON l.id = j.location_id
      WHERE NOT j.is_active
      ORDER BY j.inactive_since DESC, j.id DESC
      LIMIT ?
      """;

  private final DataSource dataSource;
  private final Jdbc jdbc;

  public JobLifecycleRepository(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Retires active jobs last seen before {@code asOf - thresholdDays}, per search, where the grace
   * guard allows it; with {@code dryRun} only reports what it would do. Everything happens in one
   * transaction, and a repeat with the same {@code asOf} returns the same result.
   */
  public Retirement retire(Instant asOf, int thresholdDays, boolean dryRun) {
    if (thresholdDays < 1) {
      throw new IllegalArgumentException("threshold days must be 1 or more, got " + thresholdDays);
    }
    Instant cutoff = asOf.minus(Duration.ofDays(thresholdDays));
    return Transactions.inTransaction(
        dataSource,
        "retire jobs not seen since " + cutoff,
        tx -> {
          List<RetiredGroup> wouldRetire = new ArrayList<>();
          List<SkippedGroup> skipped = new ArrayList<>();
          for (StaleSearch search : staleSearches(tx, cutoff)) {
            if (search.lastCompleted() != null && !search.lastCompleted().isBefore(cutoff)) {
              wouldRetire.add(new RetiredGroup(search.query(), search.location(), search.jobs()));
            } else {
              skipped.add(search.skipped(thresholdDays));
            }
          }
          List<RetiredGroup> retired;
          if (dryRun) {
            retired = wouldRetire;
          } else {
            update(tx, RETIRE_GUARDED, asOf, cutoff);
            retired = retiredBy(tx, asOf);
          }
          int marked = retired.stream().mapToInt(RetiredGroup::jobs).sum();
          return new Retirement(asOf, cutoff, marked, retired, skipped);
        });
  }

  /** Active, inactive, and inactive since {@code asOf} minus seven days. */
  public InactiveSummary summarize(Instant asOf) {
    return jdbc.query(
        "count jobs by state",
        COUNT_BY_STATE,
        ps -> ps.setTimestamp(1, Timestamp.from(asOf.minus(LAST_WEEK))),
        rs -> {
          rs.next();
          return new InactiveSummary(
              rs.getLong("active"), rs.getLong("inactive"), rs.getLong("inactive_recent"));
        });
  }

  /** The most recently retired jobs first, for {@code trawl jobs inactive}. */
  public List<InactiveJobRow> recentlyInactive(int limit) {
    return jdbc.query(
        "read recently inactive jobs",
        RECENTLY_INACTIVE,
        ps -> ps.setInt(1, limit),
        rs -> {
          List<InactiveJobRow> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(
                new InactiveJobRow(
                    rs.getString("job_posting_id"),
                    rs.getString("title"),
                    rs.getString("company"),
                    rs.getString("place"),
                    rs.getString("last_query"),
                    rs.getString("last_location"),
                    instant(rs, "last_seen_at"),
                    instant(rs, "inactive_since")));
          }
          return rows;
        });
  }

  private static List<StaleSearch> staleSearches(Connection tx, Instant cutoff)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(STALE_SEARCHES)) {
      ps.setTimestamp(1, Timestamp.from(cutoff));
      try (ResultSet rs = ps.executeQuery()) {
        List<StaleSearch> searches = new ArrayList<>();
        while (rs.next()) {
          searches.add(
              new StaleSearch(
                  rs.getString("query"),
                  rs.getString("location"),
                  rs.getInt("jobs"),
                  instant(rs, "last_completed")));
        }
        return searches;
      }
    }
  }

  private static List<RetiredGroup> retiredBy(Connection tx, Instant asOf) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(RETIRED_BY_STAMP)) {
      ps.setTimestamp(1, Timestamp.from(asOf));
      try (ResultSet rs = ps.executeQuery()) {
        List<RetiredGroup> groups = new ArrayList<>();
        while (rs.next()) {
          groups.add(
              new RetiredGroup(rs.getString("query"), rs.getString("location"), rs.getInt("jobs")));
        }
        return groups;
      }
    }
  }

  private static void update(Connection tx, String sql, Instant asOf, Instant cutoff)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(asOf));
      ps.setTimestamp(2, Timestamp.from(cutoff));
      ps.setTimestamp(3, Timestamp.from(cutoff));
      ps.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  /** A search with stale active jobs, before the grace guard decides. */
  private record StaleSearch(String query, String location, int jobs, Instant lastCompleted) {
    SkippedGroup skipped(int thresholdDays) {
      String reason =
          lastCompleted == null
              ? "this search never completed a scrape"
              : "no completed scrape of this search in the last "
                  + thresholdDays
                  + " days (last one started "
                  + lastCompleted
                  + ")";
      return new SkippedGroup(query, location, jobs, lastCompleted, reason);
    }
  }
}
