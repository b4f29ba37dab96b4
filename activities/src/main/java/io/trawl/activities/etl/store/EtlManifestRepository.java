package io.trawl.activities.etl.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.etl.ManifestRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code etl_manifest} table: the last good download of each ETL source. */
public final class EtlManifestRepository {
  private static final String COLUMNS =
      "source_id, url, etag, last_modified, size, sha256, path, downloaded_at, validated_at";

  private static final String SELECT_ONE =
      "SELECT " + COLUMNS + " FROM etl_manifest WHERE source_id = ?";

  private static final String SELECT_ALL =
      "SELECT " + COLUMNS + " FROM etl_manifest ORDER BY source_id";

  // A retried publish of the same run writes the same values again, so the upsert is idempotent.
  private static final String UPSERT =
      """
      INSERT INTO etl_manifest (source_id, url, etag, last_modified, size, sha256, path, format,
        content_type, downloaded_at, validated_at, workflow_id, temporal_run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (source_id) DO UPDATE SET url = EXCLUDED.url, etag = EXCLUDED.etag,
        last_modified = EXCLUDED.last_modified, size = EXCLUDED.size, sha256 = EXCLUDED.sha256,
        path = EXCLUDED.path, format = EXCLUDED.format, content_type = EXCLUDED.content_type,
        downloaded_at = EXCLUDED.downloaded_at, validated_at = EXCLUDED.validated_at,
        workflow_id = EXCLUDED.workflow_id, temporal_run_id = EXCLUDED.temporal_run_id
      """;

  private final Jdbc jdbc;

  public EtlManifestRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public Optional<ManifestRecord> find(String sourceId) {
    return jdbc.query(
        "read manifest record of " + sourceId,
        SELECT_ONE,
        ps -> ps.setString(1, sourceId),
        rs -> rs.next() ? Optional.of(toRecord(rs)) : Optional.empty());
  }

  /** Every record, by source id. */
  public List<ManifestRecord> all() {
    return jdbc.query(
        "read the manifest",
        SELECT_ALL,
        ps -> {},
        rs -> {
          List<ManifestRecord> records = new ArrayList<>();
          while (rs.next()) {
            records.add(toRecord(rs));
          }
          return records;
        });
  }

  /**
   * Writes the record of a validated download.
   *
   * @param format the declared format, e.g. "gzip"
   * @param contentType what the server said it was
   * @param workflowId the workflow that downloaded it
   * @param temporalRunId its run, recorded so a record can be traced to its history
   */
  public void upsert(
      ManifestRecord record,
      String format,
      String contentType,
      String workflowId,
      String temporalRunId) {
    jdbc.update(
        "write manifest record of " + record.sourceId(),
        UPSERT,
        ps -> {
          ps.setString(1, record.sourceId());
          ps.setString(2, record.url());
          ps.setString(3, record.etag());
          ps.setString(4, record.lastModified());
          ps.setLong(5, record.size());
          ps.setString(6, record.sha256());
          ps.setString(7, record.path());
          ps.setString(8, format);
          ps.setString(9, contentType);
          ps.setTimestamp(10, Timestamp.from(record.downloadedAt()));
          ps.setTimestamp(11, Timestamp.from(record.validatedAt()));
          ps.setString(12, workflowId);
          ps.setString(13, temporalRunId);
        });
  }

  private static ManifestRecord toRecord(ResultSet rs) throws SQLException {
    return new ManifestRecord(
        rs.getString("source_id"),
        rs.getString("url"),
        rs.getString("etag"),
        rs.getString("last_modified"),
        rs.getLong("size"),
        rs.getString("sha256"),
        rs.getString("path"),
        rs.getTimestamp("downloaded_at").toInstant(),
        rs.getTimestamp("validated_at").toInstant());
  }
}
