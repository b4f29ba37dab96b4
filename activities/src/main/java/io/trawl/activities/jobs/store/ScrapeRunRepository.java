package io.trawl.activities.jobs.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRunResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code scrape_runs} table: one row per jobs scrape run, from step 2 to its end. */
public final class ScrapeRunRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> END_STATUSES = Set.of("failed", "cancelled");

  /** Every column a {@link ScrapeRunResult} or {@link ScrapeRunRow} is built from. */
  private static final String COLUMNS =
      """
      id, workflow_id, query, location, status, date_range, lookback_days, provider, snapshot_id,
      jobs_found, jobs_new, jobs_updated, jobs_invalid, jobs_duplicates, error_records,
      duration_seconds, started_at, finished_at, error, metadata::text AS metadata
      """;

  private static final String LAST_COMPLETED_START =
      """
      SELECT max(started_at) FROM scrape_runs
      WHERE lower(query) = lower(?) AND lower(location) = lower(?) AND status = 'completed'
      """;

  // The no-op DO UPDATE makes RETURNING yield the first attempt's row on a retry.
  private static final String INSERT_RUN_ONCE =
      """
      INSERT INTO scrape_runs
        (workflow_id, temporal_run_id, query, location, date_range, lookback_days, provider, metadata)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (temporal_run_id) DO UPDATE SET temporal_run_id = EXCLUDED.temporal_run_id
      RETURNING id
      """;

  // A skipped run spent nothing, so it starts and ends at once; the no-op DO UPDATE makes a retry
  // return the first attempt's row, as for INSERT_RUN_ONCE.
  private static final String INSERT_SKIPPED_ONCE =
      """
      INSERT INTO scrape_runs
        (workflow_id, temporal_run_id, query, location, status, finished_at, duration_seconds,
         metadata)
      VALUES (?, ?, ?, ?, 'skipped', now(), 0, ?::jsonb)
      ON CONFLICT (temporal_run_id) DO UPDATE SET temporal_run_id = EXCLUDED.temporal_run_id
      RETURNING id
      """;

  private static final String SET_PROVIDER =
      """
      UPDATE scrape_runs SET provider = ?, metadata = metadata || ?::jsonb WHERE id = ?
      """;

  private static final String SELECT_SNAPSHOT_ID =
      "SELECT snapshot_id FROM scrape_runs WHERE id = ?";

  // Never replaces a different id: that snapshot was paid for and must stay findable.
  private static final String SET_SNAPSHOT_ID_ONCE =
      """
      UPDATE scrape_runs SET snapshot_id = ?
      WHERE id = ? AND (snapshot_id IS NULL OR snapshot_id = ?)
      """;

  private static final String COMPLETE_RUNNING =
      """
      UPDATE scrape_runs SET status = 'completed', jobs_found = ?, jobs_new = ?, jobs_updated = ?,
        jobs_invalid = ?, jobs_duplicates = ?, error_records = ?, finished_at = now(),
        duration_seconds = extract(epoch FROM now() - started_at)
      WHERE id = ? AND status = 'running'
      RETURNING
      """
          + COLUMNS;

  // The claim-check has served its purpose once ingest committed (a retried ingest returns the
  // recorded counts without reading it); a run that failed before that keeps its rows for a retry.
  private static final String CLEAR_INGESTED_STAGING =
      """
      DELETE FROM job_staging s USING scrape_runs r
      WHERE s.run_id = r.id AND r.id = ? AND r.ingested_at IS NOT NULL
      """;

  private static final String END_RUNNING =
      """
      UPDATE scrape_runs SET status = ?, error = ?, finished_at = now(),
        duration_seconds = extract(epoch FROM now() - started_at)
      WHERE id = ? AND status = 'running'
      RETURNING
      """
          + COLUMNS;

  private static final String SELECT_RUN = "SELECT " + COLUMNS + " FROM scrape_runs WHERE id = ?";

  private static final String SELECT_RECENT =
      "SELECT " + COLUMNS + " FROM scrape_runs ORDER BY started_at DESC, id DESC LIMIT ?";

  private static final String LOCK_FOR_INGEST =
      """
      SELECT ingested_at IS NOT NULL AS ingested, jobs_found, jobs_new, jobs_updated, jobs_invalid,
        jobs_duplicates, error_records
      FROM scrape_runs WHERE id = ? FOR UPDATE
      """;

  private static final String STORE_INGEST_COUNTS =
      """
      UPDATE scrape_runs SET jobs_found = ?, jobs_new = ?, jobs_updated = ?, jobs_invalid = ?,
        jobs_duplicates = ?, error_records = ?, ingested_at = now()
      WHERE id = ?
      """;

  private final Jdbc jdbc;

  public ScrapeRunRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** When the last completed run of this search started; empty when there is none. */
  public Optional<Instant> lastCompletedStart(String query, String location) {
    return jdbc.query(
        "read last completed run of " + query + " / " + location,
        LAST_COMPLETED_START,
        ps -> {
          ps.setString(1, query);
          ps.setString(2, location);
        },
        rs -> rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty());
  }

  /**
   * Inserts the run row with status running, or returns the id of the row an earlier attempt with
   * the same Temporal run id inserted.
   */
  public long openRun(
      String workflowId,
      String temporalRunId,
      String query,
      String location,
      DateRangeChoice range,
      String providerMode) {
    String dateRange = dateRangeKey(range);
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("date_range", dateRange);
    metadata.put("lookback_days", range.lookbackDays());
    metadata.put("provider", providerMode);
    metadata.put("reason", range.reason());
    return jdbc.query(
        "open run for workflow " + workflowId,
        INSERT_RUN_ONCE,
        ps -> {
          ps.setString(1, workflowId);
          ps.setString(2, temporalRunId);
          ps.setString(3, query);
          ps.setString(4, location);
          ps.setString(5, dateRange);
          ps.setInt(6, range.lookbackDays());
          ps.setString(7, providerMode);
          ps.setString(8, metadata.toString());
        },
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  /**
   * Records a run the interval guard held back, with status skipped and the reason in its metadata
   * ({@code skip_reason}), or returns the id an earlier attempt with the same Temporal run id
   * recorded.
   */
  public long recordSkipped(
      String workflowId, String temporalRunId, String query, String location, String reason) {
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("scheduled", true);
    metadata.put("skip_reason", reason);
    return jdbc.query(
        "record skipped run for workflow " + workflowId,
        INSERT_SKIPPED_ONCE,
        ps -> {
          ps.setString(1, workflowId);
          ps.setString(2, temporalRunId);
          ps.setString(3, query);
          ps.setString(4, location);
          ps.setString(5, metadata.toString());
        },
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  /** Records which provider client the run uses; repeating it changes nothing. */
  public void recordProvider(long runId, ProviderRef provider) {
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("provider", provider.mode());
    metadata.put("provider_name", provider.provider());
    int rows =
        jdbc.update(
            "record provider of run " + runId,
            SET_PROVIDER,
            ps -> {
              ps.setString(1, provider.mode());
              ps.setString(2, metadata.toString());
              ps.setLong(3, runId);
            });
    requireRow(rows, runId);
  }

  /** The snapshot id recorded for the run, empty before the trigger recorded one. */
  public Optional<String> findSnapshotId(long runId) {
    return jdbc.query(
        "read snapshot id of run " + runId,
        SELECT_SNAPSHOT_ID,
        ps -> ps.setLong(1, runId),
        rs -> {
          if (!rs.next()) {
            throw missing(runId);
          }
          return Optional.ofNullable(rs.getString(1));
        });
  }

  /**
   * Records the snapshot the run paid for. Recording the same id again is a no-op; a different id
   * for a run that already has one is refused, because the first snapshot would be lost.
   */
  public void recordSnapshotId(long runId, String snapshotId) {
    int rows =
        jdbc.update(
            "record snapshot id of run " + runId,
            SET_SNAPSHOT_ID_ONCE,
            ps -> {
              ps.setString(1, snapshotId);
              ps.setLong(2, runId);
              ps.setString(3, snapshotId);
            });
    if (rows == 0) {
      String existing = findSnapshotId(runId).orElse(null);
      throw Failures.invalidInput(
          "run "
              + runId
              + " already has snapshot "
              + existing
              + "; refusing to record "
              + snapshotId);
    }
  }

  /**
   * Marks a running run completed with its counts and duration, then removes its staged records. A
   * run that already ended is returned as stored, so a retried finish rewrites nothing; the removal
   * repeats harmlessly.
   */
  public ScrapeRunResult complete(long runId, IngestResult result) {
    Optional<ScrapeRunResult> completed =
        jdbc.query(
            "complete run " + runId,
            COMPLETE_RUNNING,
            ps -> {
              ps.setInt(1, result.found());
              ps.setInt(2, result.newJobs());
              ps.setInt(3, result.updated());
              ps.setInt(4, result.invalid());
              ps.setInt(5, result.duplicates());
              ps.setInt(6, result.errorRecords());
              ps.setLong(7, runId);
            },
            rs -> rs.next() ? Optional.of(ScrapeRunMapper.toResult(rs)) : Optional.empty());
    ScrapeRunResult finished = completed.or(() -> find(runId)).orElseThrow(() -> missing(runId));
    jdbc.update(
        "clear staged records of run " + runId, CLEAR_INGESTED_STAGING, ps -> ps.setLong(1, runId));
    return finished;
  }

  /**
   * Ends a running run as failed or cancelled. A run that already ended (completed, or ended by an
   * earlier attempt) is returned as stored. Throws InvalidInput for any other status.
   */
  public ScrapeRunResult markEnded(long runId, String status, String error) {
    if (!END_STATUSES.contains(status)) {
      throw Failures.invalidInput(
          "run " + runId + ": end status must be failed or cancelled, got " + status);
    }
    Optional<ScrapeRunResult> ended =
        jdbc.query(
            "mark run " + runId + " " + status,
            END_RUNNING,
            ps -> {
              ps.setString(1, status);
              ps.setString(2, error);
              ps.setLong(3, runId);
            },
            rs -> rs.next() ? Optional.of(ScrapeRunMapper.toResult(rs)) : Optional.empty());
    return ended.or(() -> find(runId)).orElseThrow(() -> missing(runId));
  }

  public Optional<ScrapeRunResult> find(long runId) {
    return jdbc.query(
        "read run " + runId,
        SELECT_RUN,
        ps -> ps.setLong(1, runId),
        rs -> rs.next() ? Optional.of(ScrapeRunMapper.toResult(rs)) : Optional.empty());
  }

  /** The newest runs first, for the CLI's run history. */
  public List<ScrapeRunRow> recent(int limit) {
    return jdbc.query(
        "read recent runs",
        SELECT_RECENT,
        ps -> ps.setInt(1, limit),
        rs -> {
          List<ScrapeRunRow> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(ScrapeRunMapper.toRow(rs));
          }
          return rows;
        });
  }

  /**
   * Locks the run row for the rest of {@code tx} and returns the ingest counts when the run was
   * already ingested. The lock makes a second, concurrent ingest of the same run wait and then see
   * the first one's counts instead of ingesting twice.
   */
  public Optional<IngestResult> lockForIngest(Connection tx, long runId) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(LOCK_FOR_INGEST)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw missing(runId);
        }
        if (!rs.getBoolean("ingested")) {
          return Optional.empty();
        }
        return Optional.of(
            new IngestResult(
                rs.getInt("jobs_found"),
                rs.getInt("jobs_new"),
                rs.getInt("jobs_updated"),
                rs.getInt("jobs_invalid"),
                rs.getInt("jobs_duplicates"),
                rs.getInt("error_records")));
      }
    }
  }

  /** Stores the ingest counts and marks the run ingested, inside the ingest's own transaction. */
  public void recordIngest(Connection tx, long runId, IngestResult result) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(STORE_INGEST_COUNTS)) {
      ps.setInt(1, result.found());
      ps.setInt(2, result.newJobs());
      ps.setInt(3, result.updated());
      ps.setInt(4, result.invalid());
      ps.setInt(5, result.duplicates());
      ps.setInt(6, result.errorRecords());
      ps.setLong(7, runId);
      requireRow(ps.executeUpdate(), runId);
    }
  }

  /** The stored form of a date range: the provider's own label, e.g. "Past week". */
  static String dateRangeKey(DateRangeChoice range) {
    return range.range().providerLabel();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static void requireRow(int rows, long runId) {
    if (rows == 0) {
      throw missing(runId);
    }
  }

  private static RuntimeException missing(long runId) {
    return Failures.notFound("scrape run " + runId + " does not exist");
  }
}
