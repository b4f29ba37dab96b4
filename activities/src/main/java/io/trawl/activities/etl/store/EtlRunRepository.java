package io.trawl.activities.etl.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSourceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The {@code etl_runs} table: one row per source run with the gate's decision and reason. */
public final class EtlRunRepository {
  // Keyed by the Temporal run: recording the same run again overwrites it with the same outcome.
  private static final String UPSERT =
      """
      INSERT INTO etl_runs (source_id, workflow_id, temporal_run_id, outcome, decision, reason,
        bytes, duration_ms, path, sha256, error)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (temporal_run_id) DO UPDATE SET outcome = EXCLUDED.outcome,
        decision = EXCLUDED.decision, reason = EXCLUDED.reason, bytes = EXCLUDED.bytes,
        duration_ms = EXCLUDED.duration_ms, path = EXCLUDED.path, sha256 = EXCLUDED.sha256,
        error = EXCLUDED.error, finished_at = now()
      """;

  private static final String SELECT_RECENT =
      """
      SELECT source_id, workflow_id, outcome, decision, reason, bytes, duration_ms, path, sha256,
        error
      FROM etl_runs ORDER BY finished_at DESC, id DESC LIMIT ?
      """;

  private final Jdbc jdbc;

  public EtlRunRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public void record(String temporalRunId, EtlSourceResult result) {
    jdbc.update(
        "record run of " + result.sourceId(),
        UPSERT,
        ps -> {
          ps.setString(1, result.sourceId());
          ps.setString(2, result.workflowId());
          ps.setString(3, temporalRunId);
          ps.setString(4, result.outcome().label());
          ps.setString(5, result.decision());
          ps.setString(6, result.reason());
          ps.setLong(7, result.bytes());
          ps.setLong(8, result.durationMillis());
          ps.setString(9, result.path());
          ps.setString(10, result.sha256());
          ps.setString(11, result.error());
        });
  }

  /** The newest runs first. */
  public List<EtlSourceResult> recent(int limit) {
    return jdbc.query(
        "read recent etl runs",
        SELECT_RECENT,
        ps -> ps.setInt(1, limit),
        rs -> {
          List<EtlSourceResult> runs = new ArrayList<>();
          while (rs.next()) {
            runs.add(
                new EtlSourceResult(
                    rs.getString("source_id"),
                    rs.getString("workflow_id"),
                    EtlOutcome.valueOf(
                        rs.getString("outcome").toUpperCase(Locale.ROOT).replace('-', '_')),
                    rs.getString("decision"),
                    rs.getString("reason"),
                    rs.getLong("bytes"),
                    rs.getLong("duration_ms"),
                    rs.getString("path"),
                    rs.getString("sha256"),
                    rs.getString("error")));
          }
          return runs;
        });
  }
}
