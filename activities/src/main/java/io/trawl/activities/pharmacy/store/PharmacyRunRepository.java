package io.trawl.activities.pharmacy.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code pharmacy_runs} and {@code pharmacy_stage} tables: a run's row and its stages. */
public final class PharmacyRunRepository {
  private static final String BY_TEMPORAL_RUN =
      "SELECT id, workflow_id, provider FROM pharmacy_runs WHERE temporal_run_id = ?";

  // Only the newest run of the search may be resumed, and only when it did not complete: a
  // completed run's stages belong to it, and a new run starts afresh (served from the cache).
  private static final String RESUMABLE =
      """
      SELECT id FROM pharmacy_runs WHERE search_key = ?
      ORDER BY started_at DESC, id DESC LIMIT 1
      """;

  private static final String REOPEN =
      """
      UPDATE pharmacy_runs
      SET status = 'running', temporal_run_id = ?, workflow_id = ?, provider = ?, error = NULL,
          finished_at = NULL, max_cost_usd = ?
      WHERE id = ? AND status IN ('failed', 'cancelled', 'partial')
      """;

  private static final String INSERT =
      """
      INSERT INTO pharmacy_runs
        (workflow_id, temporal_run_id, search_key, queries, locations, provider, max_cost_usd)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      RETURNING id
      """;

  private static final String STAGES =
      "SELECT stage FROM pharmacy_stage WHERE run_id = ? ORDER BY completed_at";

  // clock_timestamp(), not the column's default now(): a stage is recorded in the transaction that
  // did its work, and now() would stamp it with that transaction's start.
  private static final String RECORD_STAGE =
      """
      INSERT INTO pharmacy_stage (run_id, stage, counts, completed_at)
      VALUES (?, ?, ?::jsonb, clock_timestamp())
      ON CONFLICT (run_id, stage) DO NOTHING
      """;

  private static final String FINISH =
      """
      UPDATE pharmacy_runs r SET
        status = ?, finished_at = now(), error = NULL,
        unique_places = c.places, chain = c.chain, independent = c.independent,
        hospital = c.hospital, not_pharmacy = c.not_pharmacy, compounding = c.compounding,
        veterinary = c.veterinary, verified = c.verified, unverified = c.unverified,
        closed = c.closed, cost_usd = ?
      FROM (
        SELECT count(*) AS places,
          count(*) FILTER (WHERE p.classification = 'chain') AS chain,
          count(*) FILTER (WHERE p.classification = 'independent') AS independent,
          count(*) FILTER (WHERE p.classification = 'hospital') AS hospital,
          count(*) FILTER (WHERE p.classification = 'not_pharmacy') AS not_pharmacy,
          count(*) FILTER (WHERE p.is_compounding) AS compounding,
          count(*) FILTER (WHERE p.is_veterinary) AS veterinary,
          count(*) FILTER (WHERE p.verified) AS verified,
          count(*) FILTER (WHERE p.verified_at IS NULL) AS unverified,
          count(*) FILTER (WHERE p.business_status = 'CLOSED_PERMANENTLY') AS closed
        FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key)
        WHERE rp.run_id = ?
      ) c
      WHERE r.id = ? AND r.status = 'running'
      """;

  private static final String END =
      """
      UPDATE pharmacy_runs SET status = ?, error = ?, finished_at = now(), cost_usd = ?
      WHERE id = ? AND status = 'running'
      """;

  private static final String ABANDON =
      """
      UPDATE pharmacy_runs SET status = 'cancelled', error = ?, finished_at = now()
      WHERE temporal_run_id = ? AND status = 'running'
      """;

  private static final String SET_COLLECTED =
      "UPDATE pharmacy_runs SET collected = ?, cache_hits = ? WHERE id = ?";

  private static final String SELECT_RESULT =
      """
      SELECT id, workflow_id, status, provider, collected, unique_places, chain, independent,
             hospital, compounding, veterinary, not_pharmacy, verified, unverified, closed,
             cache_hits, cost_usd,
             extract(epoch FROM coalesce(finished_at, now()) - started_at) AS seconds
      FROM pharmacy_runs WHERE id = ?
      """;

  // What the run's paid calls cost: settled entries at their cost, open ones at their hold.
  private static final String RUN_COST =
      """
      SELECT coalesce(sum(CASE state WHEN 'settled' THEN cost_usd
                                     WHEN 'reserved' THEN reserved_usd ELSE 0 END), 0)
      FROM cost_ledger WHERE run_key LIKE ?
      """;

  private static final String STAGE_COUNTS =
      "SELECT counts::text FROM pharmacy_stage WHERE run_id = ? AND stage = ?";

  private static final String VERIFICATION_OUTCOME =
      """
      SELECT count(*) FILTER (WHERE p.verified_at IS NOT NULL),
             count(*) FILTER (WHERE p.verified),
             count(*) FILTER (WHERE p.business_status = 'CLOSED_PERMANENTLY')
      FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key) WHERE rp.run_id = ?
      """;

  private final DataSource dataSource;
  private final Jdbc jdbc;

  public PharmacyRunRepository(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * The run's row: the one this Temporal run already opened, else the newest unfinished run of the
   * same search reopened (with its completed stages), else a new row.
   */
  public PharmacyRunRef open(
      String workflowId, String temporalRunId, PharmacyRunRequest request, String provider) {
    return Transactions.inTransaction(
        dataSource,
        "open pharmacy run " + workflowId,
        tx -> {
          Optional<PharmacyRunRef> mine = byTemporalRun(tx, temporalRunId);
          if (mine.isPresent()) {
            return mine.get();
          }
          Long candidate = newestOf(tx, request.searchKey());
          if (candidate != null
              && reopen(tx, candidate, workflowId, temporalRunId, provider, request)) {
            return new PharmacyRunRef(candidate, workflowId, provider, stages(tx, candidate), true);
          }
          long id = insert(tx, workflowId, temporalRunId, request, provider);
          return new PharmacyRunRef(id, workflowId, provider, List.of(), false);
        });
  }

  /** Records a stage as completed, on the caller's transaction (with the stage's output). */
  public void recordStage(Connection tx, long runId, String stage, String countsJson)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(RECORD_STAGE)) {
      ps.setLong(1, runId);
      ps.setString(2, stage);
      ps.setString(3, countsJson);
      ps.executeUpdate();
    }
  }

  /** The counts a completed stage recorded, as JSON; empty when the stage is not recorded. */
  public Optional<String> stageCounts(Connection tx, long runId, String stage) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(STAGE_COUNTS)) {
      ps.setLong(1, runId);
      ps.setString(2, stage);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Of the run's places: how many were checked, verified, and found permanently closed. */
  public int[] verificationOutcome(Connection tx, long runId) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(VERIFICATION_OUTCOME)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
      }
    }
  }

  public List<String> stages(long runId) {
    return Transactions.inTransaction(
        dataSource, "read stages of run " + runId, tx -> stages(tx, runId));
  }

  public void setCollected(Connection tx, long runId, int collected, int cacheHits)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(SET_COLLECTED)) {
      ps.setInt(1, collected);
      ps.setInt(2, cacheHits);
      ps.setLong(3, runId);
      ps.executeUpdate();
    }
  }

  /** Completes a running row with counts from its places and cost from the ledger. */
  public PharmacyRunResult finish(PharmacyRunRef run, boolean partial) {
    BigDecimal cost = cost(run);
    jdbc.update(
        "finish pharmacy run " + run.runId(),
        FINISH,
        ps -> {
          ps.setString(1, partial ? "partial" : "completed");
          ps.setBigDecimal(2, cost);
          ps.setLong(3, run.runId());
          ps.setLong(4, run.runId());
        });
    return result(run.runId(), run.resumed());
  }

  /** Marks a running row failed or cancelled; a finished row keeps its outcome. */
  public void end(PharmacyRunRef run, String status, String error) {
    BigDecimal cost = cost(run);
    jdbc.update(
        "end pharmacy run " + run.runId(),
        END,
        ps -> {
          ps.setString(1, status);
          ps.setString(2, error);
          ps.setBigDecimal(3, cost);
          ps.setLong(4, run.runId());
        });
  }

  /**
   * Marks the row of a Temporal run that ended without saying so (terminated, timed out) as
   * cancelled, so the next run of the search resumes it; false when there was no such row.
   */
  public boolean abandon(String temporalRunId, String reason) {
    return jdbc.update(
            "abandon pharmacy run of " + temporalRunId,
            ABANDON,
            ps -> {
              ps.setString(1, reason);
              ps.setString(2, temporalRunId);
            })
        > 0;
  }

  /** The run's cost cap over every paid provider, as the ledger checks it; null when uncapped. */
  public io.trawl.activities.spend.SpendLedger.RunCap cap(PharmacyRunRef run) {
    BigDecimal cap =
        jdbc.query(
            "read the cost cap of pharmacy run " + run.runId(),
            "SELECT max_cost_usd FROM pharmacy_runs WHERE id = ?",
            ps -> ps.setLong(1, run.runId()),
            rs -> rs.next() ? rs.getBigDecimal(1) : null);
    return cap == null
        ? null
        : new io.trawl.activities.spend.SpendLedger.RunCap(run.spendKey() + "/", cap);
  }

  /** What the run's paid calls cost so far (settled at cost, held ones at their hold). */
  public BigDecimal cost(PharmacyRunRef run) {
    return jdbc.query(
        "cost of pharmacy run " + run.runId(),
        RUN_COST,
        ps -> ps.setString(1, run.spendKey() + "/%"),
        rs -> rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO);
  }

  public PharmacyRunResult result(long runId, boolean resumed) {
    return jdbc.query(
        "read pharmacy run " + runId,
        SELECT_RESULT,
        ps -> ps.setLong(1, runId),
        rs -> {
          if (!rs.next()) {
            throw new IllegalStateException("pharmacy run " + runId + " does not exist");
          }
          return new PharmacyRunResult(
              rs.getLong("id"),
              rs.getString("workflow_id"),
              rs.getString("status"),
              rs.getString("provider"),
              rs.getInt("collected"),
              rs.getInt("unique_places"),
              rs.getInt("chain"),
              rs.getInt("independent"),
              rs.getInt("hospital"),
              rs.getInt("compounding"),
              rs.getInt("veterinary"),
              rs.getInt("not_pharmacy"),
              rs.getInt("verified"),
              rs.getInt("unverified"),
              rs.getInt("closed"),
              rs.getInt("cache_hits"),
              rs.getBigDecimal("cost_usd"),
              rs.getDouble("seconds"),
              resumed);
        });
  }

  private static Optional<PharmacyRunRef> byTemporalRun(Connection tx, String temporalRunId)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(BY_TEMPORAL_RUN)) {
      ps.setString(1, temporalRunId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        List<String> stages = stages(tx, id);
        // A retried open after a reopen still says the run resumed: it has stages or none.
        return Optional.of(
            new PharmacyRunRef(id, rs.getString(2), rs.getString(3), stages, !stages.isEmpty()));
      }
    }
  }

  private static Long newestOf(Connection tx, String searchKey) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(RESUMABLE)) {
      ps.setString(1, searchKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static boolean reopen(
      Connection tx,
      long id,
      String workflowId,
      String temporalRunId,
      String provider,
      PharmacyRunRequest request)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(REOPEN)) {
      ps.setString(1, temporalRunId);
      ps.setString(2, workflowId);
      ps.setString(3, provider);
      ps.setBigDecimal(4, request.maxCostUsd());
      ps.setLong(5, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static long insert(
      Connection tx,
      String workflowId,
      String temporalRunId,
      PharmacyRunRequest request,
      String provider)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(INSERT)) {
      Array queries = tx.createArrayOf("text", request.queries().toArray());
      Array locations = tx.createArrayOf("text", request.locations().toArray());
      ps.setString(1, workflowId);
      ps.setString(2, temporalRunId);
      ps.setString(3, request.searchKey());
      ps.setArray(4, queries);
      ps.setArray(5, locations);
      ps.setString(6, provider);
      ps.setBigDecimal(7, request.maxCostUsd());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> stages(Connection tx, long runId) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(STAGES)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> stages = new ArrayList<>();
        while (rs.next()) {
          stages.add(rs.getString(1));
        }
        return stages;
      }
    }
  }
}
