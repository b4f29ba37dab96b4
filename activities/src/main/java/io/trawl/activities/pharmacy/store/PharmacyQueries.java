package io.trawl.activities.pharmacy.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Read-only queries for the CLI: pharmacies by class, state or run, and the run history. */
public final class PharmacyQueries {
  private static final String PLACES =
      """
      SELECT p.name, p.address, p.city, p.state, p.postal_code, p.phone, p.website, p.place_id,
             p.classification, p.is_chain, p.is_compounding, p.is_veterinary, p.confidence,
             p.verified, p.verification_confidence, p.business_status
      FROM pharmacies p
      WHERE (?::text IS NULL OR p.classification = ?)
        AND (?::text IS NULL OR lower(p.state) = lower(?) OR lower(p.address) LIKE lower(?))
        AND (?::bigint IS NULL
             OR EXISTS (SELECT 1 FROM pharmacy_run_places rp
                        WHERE rp.run_id = ? AND rp.place_key = p.place_key))
      ORDER BY p.state NULLS LAST, p.city NULLS LAST, p.name
      LIMIT ?
      """;

  private static final String RUN_IDS =
      "SELECT id FROM pharmacy_runs ORDER BY started_at DESC, id DESC LIMIT ?";

  private final Jdbc jdbc;
  private final PharmacyRunRepository runs;

  public PharmacyQueries(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.runs = new PharmacyRunRepository(dataSource);
  }

  /**
   * Pharmacies, filtered by classification, state (a name such as "California", or a two-letter
   * code found in the address, "CA") and run; null means no filter.
   */
  public List<PharmacyRow> pharmacies(String classification, String state, Long runId, int limit) {
    return jdbc.query(
        "list pharmacies",
        PLACES,
        ps -> {
          ps.setString(1, classification);
          ps.setString(2, classification);
          ps.setString(3, state);
          ps.setString(4, state);
          ps.setString(5, state == null ? null : "%, " + state + " %");
          ps.setObject(6, runId);
          ps.setObject(7, runId);
          ps.setInt(8, limit);
        },
        PharmacyQueries::rows);
  }

  /** The newest runs first. */
  public List<PharmacyRunResult> recentRuns(int limit) {
    List<Long> ids =
        jdbc.query(
            "list pharmacy runs",
            RUN_IDS,
            ps -> ps.setInt(1, limit),
            rs -> {
              List<Long> found = new ArrayList<>();
              while (rs.next()) {
                found.add(rs.getLong(1));
              }
              return found;
            });
    return ids.stream().map(id -> runs.result(id, false)).toList();
  }

  private static List<PharmacyRow> rows(ResultSet rs) throws SQLException {
    List<PharmacyRow> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(
          new PharmacyRow(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              (Boolean) rs.getObject(10),
              (Boolean) rs.getObject(11),
              (Boolean) rs.getObject(12),
              rs.getBigDecimal(13),
              (Boolean) rs.getObject(14),
              rs.getBigDecimal(15),
              rs.getString(16)));
    }
    return rows;
  }
}
