package io.trawl.activities.jobs.store;

import io.trawl.workflows.jobs.ScrapeRunResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Turns {@code scrape_runs} rows (selected with every column) into results and history rows. */
final class ScrapeRunMapper {
  private ScrapeRunMapper() {}

  /** The one place a run row becomes a {@link ScrapeRunResult}. */
  static ScrapeRunResult toResult(ResultSet rs) throws SQLException {
    return new ScrapeRunResult(
        rs.getLong("id"),
        rs.getString("query"),
        rs.getString("location"),
        rs.getString("status"),
        rs.getInt("jobs_found"),
        rs.getInt("jobs_new"),
        rs.getInt("jobs_updated"),
        rs.getInt("jobs_invalid"),
        rs.getInt("jobs_duplicates"),
        rs.getDouble("duration_seconds"),
        rs.getString("snapshot_id"),
        rs.getString("provider"),
        rs.getString("date_range"),
        rs.getString("error"));
  }

  static ScrapeRunRow toRow(ResultSet rs) throws SQLException {
    return new ScrapeRunRow(
        rs.getLong("id"),
        rs.getString("workflow_id"),
        rs.getString("query"),
        rs.getString("location"),
        rs.getString("status"),
        rs.getString("date_range"),
        rs.getObject("lookback_days", Integer.class),
        rs.getString("provider"),
        rs.getString("snapshot_id"),
        rs.getInt("jobs_found"),
        rs.getInt("jobs_new"),
        rs.getInt("jobs_updated"),
        rs.getInt("jobs_invalid"),
        rs.getInt("jobs_duplicates"),
        rs.getInt("error_records"),
        rs.getObject("duration_seconds", Double.class),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        rs.getString("error"),
        rs.getString("metadata"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
