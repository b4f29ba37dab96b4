package io.trawl.activities.etl.store;

import io.trawl.activities.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code etl_quarantine} table: files refused by validation, newest first. */
public final class EtlQuarantineRepository {
  private static final String COLUMNS =
      """
      id, source_id, url, directory, file_name, check_name, reason, size, sha256, etag,
      quarantined_at, workflow_id
      """;

  // Keyed by the Temporal run: a retried quarantine gets the first attempt's row back.
  private static final String INSERT_ONCE =
      """
      INSERT INTO etl_quarantine (source_id, url, directory, file_name, check_name, reason, size,
        sha256, etag, quarantined_at, workflow_id, temporal_run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (temporal_run_id) DO UPDATE SET temporal_run_id = EXCLUDED.temporal_run_id
      RETURNING id
      """;

  private static final String SELECT_RECENT =
      "SELECT " + COLUMNS + " FROM etl_quarantine ORDER BY quarantined_at DESC, id DESC LIMIT ?";

  private static final String SELECT_RECENT_OF_SOURCE =
      "SELECT "
          + COLUMNS
          + " FROM etl_quarantine WHERE source_id = ? ORDER BY quarantined_at DESC, id DESC LIMIT"
          + " ?";

  private final Jdbc jdbc;

  public EtlQuarantineRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts the row of this run's quarantine, or returns the id an earlier attempt inserted. */
  public long insertOnce(EtlQuarantineRow row, String temporalRunId) {
    return jdbc.query(
        "record quarantine of " + row.sourceId(),
        INSERT_ONCE,
        ps -> {
          ps.setString(1, row.sourceId());
          ps.setString(2, row.url());
          ps.setString(3, row.directory());
          ps.setString(4, row.fileName());
          ps.setString(5, row.check());
          ps.setString(6, row.reason());
          ps.setLong(7, row.size());
          ps.setString(8, row.sha256());
          ps.setString(9, row.etag());
          ps.setTimestamp(10, Timestamp.from(row.quarantinedAt()));
          ps.setString(11, row.workflowId());
          ps.setString(12, temporalRunId);
        },
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  /** The newest rows, of one source or (null) of all. */
  public List<EtlQuarantineRow> recent(String sourceId, int limit) {
    return jdbc.query(
        "read quarantine",
        sourceId == null ? SELECT_RECENT : SELECT_RECENT_OF_SOURCE,
        ps -> {
          if (sourceId == null) {
            ps.setInt(1, limit);
          } else {
            ps.setString(1, sourceId);
            ps.setInt(2, limit);
          }
        },
        rs -> {
          List<EtlQuarantineRow> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(toRow(rs));
          }
          return rows;
        });
  }

  private static EtlQuarantineRow toRow(ResultSet rs) throws SQLException {
    return new EtlQuarantineRow(
        rs.getLong("id"),
        rs.getString("source_id"),
        rs.getString("url"),
        rs.getString("directory"),
        rs.getString("file_name"),
        rs.getString("check_name"),
        rs.getString("reason"),
        rs.getLong("size"),
        rs.getString("sha256"),
        rs.getString("etag"),
        rs.getTimestamp("quarantined_at").toInstant(),
        rs.getString("workflow_id"));
  }
}
