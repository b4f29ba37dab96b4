package io.trawl.activities.pharmacy.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code pharmacy_searches} table: per (run, query, location), the Apify run that was paid for,
 * recorded before the start activity returns so a retried start reuses it.
 */
public final class PharmacySearchRepository {
  private static final String ENSURE =
      """
      INSERT INTO pharmacy_searches (run_id, query, location) VALUES (?, ?, ?)
      ON CONFLICT (run_id, query, location) DO NOTHING
      """;

  private static final String SELECT_ACTOR_RUN =
      """
      SELECT apify_run_id, dataset_id FROM pharmacy_searches
      WHERE run_id = ? AND query = ? AND location = ? AND apify_run_id IS NOT NULL
      """;

  // Never replaces a different id: that actor run was paid for and must stay findable.
  private static final String SET_ACTOR_RUN_ONCE =
      """
      UPDATE pharmacy_searches SET apify_run_id = ?, dataset_id = ?, actor_status = 'READY'
      WHERE run_id = ? AND query = ? AND location = ? AND apify_run_id IS NULL
      """;

  private static final String SET_STAGED =
      """
      UPDATE pharmacy_searches
      SET items = ?, from_cache = ?, actor_status = ?, cost_usd = ?, staged_at = now()
      WHERE run_id = ? AND query = ? AND location = ?
      """;

  private static final String UNFINISHED_ACTOR_RUNS =
      """
      SELECT apify_run_id FROM pharmacy_searches
      WHERE run_id = ? AND apify_run_id IS NOT NULL AND staged_at IS NULL
      """;

  private static final String TOTALS =
      """
      SELECT coalesce(sum(items), 0), count(*) FILTER (WHERE from_cache)
      FROM pharmacy_searches WHERE run_id = ?
      """;

  private final Jdbc jdbc;

  public PharmacySearchRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** The recorded actor run of a search, if one was started. */
  public Optional<ActorRun> actorRun(long runId, PharmacySearch search) {
    return jdbc.query(
        "read actor run of " + search.describe(),
        SELECT_ACTOR_RUN,
        ps -> bindSearch(ps, 1, runId, search),
        rs ->
            rs.next()
                ? Optional.of(new ActorRun(rs.getString(1), rs.getString(2)))
                : Optional.empty());
  }

  /** Creates the search's row if missing. */
  public void ensure(long runId, PharmacySearch search) {
    jdbc.update(
        "record search " + search.describe(), ENSURE, ps -> bindSearch(ps, 1, runId, search));
  }

  /** Records the started actor run; false when another id was recorded first. */
  public boolean recordActorRun(
      long runId, PharmacySearch search, String apifyRunId, String datasetId) {
    return jdbc.update(
            "record actor run of " + search.describe(),
            SET_ACTOR_RUN_ONCE,
            ps -> {
              ps.setString(1, apifyRunId);
              ps.setString(2, datasetId);
              bindSearch(ps, 3, runId, search);
            })
        == 1;
  }

  /** Marks the search staged, on the staging transaction. */
  public void markStaged(
      Connection tx,
      long runId,
      PharmacySearch search,
      int items,
      boolean fromCache,
      String actorStatus,
      java.math.BigDecimal cost)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(ENSURE)) {
      bindSearch(ps, 1, runId, search);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = tx.prepareStatement(SET_STAGED)) {
      ps.setInt(1, items);
      ps.setBoolean(2, fromCache);
      ps.setString(3, actorStatus);
      ps.setBigDecimal(4, cost);
      bindSearch(ps, 5, runId, search);
      ps.executeUpdate();
    }
  }

  /** Actor runs of the run whose items were never staged: what a cancellation must abort. */
  public List<String> unfinishedActorRuns(long runId) {
    return jdbc.query(
        "list unfinished actor runs of run " + runId,
        UNFINISHED_ACTOR_RUNS,
        ps -> ps.setLong(1, runId),
        rs -> {
          List<String> ids = new ArrayList<>();
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
          return ids;
        });
  }

  /** Items staged by all of the run's searches, and how many searches the cache answered. */
  public int[] totals(Connection tx, long runId) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(TOTALS)) {
      ps.setLong(1, runId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return new int[] {rs.getInt(1), rs.getInt(2)};
      }
    }
  }

  private static void bindSearch(PreparedStatement ps, int first, long runId, PharmacySearch search)
      throws SQLException {
    ps.setLong(first, runId);
    ps.setString(first + 1, search.query());
    ps.setString(first + 2, search.location());
  }

  /** An Apify actor run and its default dataset. */
  public record ActorRun(String apifyRunId, String datasetId) {}
}
