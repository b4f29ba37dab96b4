package io.trawl.activities.pharmacy.store;

import io.trawl.workflows.pharmacy.PharmacySearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code pharmacy_staging} claim-check: a search's raw actor items, replaced per search in one
 * transaction (a retried page-through never doubles them), removed once dedup read them.
 */
public final class PharmacyStagingRepository {
  private static final String DELETE_SEARCH =
      "DELETE FROM pharmacy_staging WHERE run_id = ? AND query = ? AND location = ?";
  private static final String INSERT =
      """
      INSERT INTO pharmacy_staging (run_id, query, location, seq, item) VALUES (?, ?, ?, ?, ?::jsonb)
      """;
  private static final String SELECT_RUN =
      """
      SELECT query, location, item::text FROM pharmacy_staging WHERE run_id = ?
      ORDER BY query, location, seq
      """;
  private static final String DELETE_RUN = "DELETE FROM pharmacy_staging WHERE run_id = ?";
  private static final int BATCH = 500;

  /** Adds raw items of one search within the caller's transaction. */
  public static final class Writer implements AutoCloseable {
    private final PreparedStatement insert;
    private final long runId;
    private final PharmacySearch search;
    private int seq;
    private int pending;

    private Writer(Connection tx, long runId, PharmacySearch search) throws SQLException {
      try (PreparedStatement delete = tx.prepareStatement(DELETE_SEARCH)) {
        delete.setLong(1, runId);
        delete.setString(2, search.query());
        delete.setString(3, search.location());
        delete.executeUpdate();
      }
      this.insert = tx.prepareStatement(INSERT);
      this.runId = runId;
      this.search = search;
    }

    public void add(String itemJson) throws SQLException {
      insert.setLong(1, runId);
      insert.setString(2, search.query());
      insert.setString(3, search.location());
      insert.setInt(4, ++seq);
      insert.setString(5, itemJson);
      insert.addBatch();
      if (++pending >= BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    public int count() {
      return seq;
    }

    @Override
    public void close() throws SQLException {
      try {
        if (pending > 0) {
          insert.executeBatch();
        }
      } finally {
        insert.close();
      }
    }
  }

  /** Replaces the search's staged items: the old ones are deleted on the same transaction. */
  public Writer replace(Connection tx, long runId, PharmacySearch search) throws SQLException {
    return new Writer(tx, runId, search);
  }

  /** Reads every staged item of the run, one search after the other. */
  public void forEach(Connection tx, long runId, ItemReader reader) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(SELECT_RUN)) {
      ps.setLong(1, runId);
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(new PharmacySearch(rs.getString(1), rs.getString(2)), rs.getString(3));
        }
      }
    }
  }

  public int deleteRun(Connection tx, long runId) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(DELETE_RUN)) {
      ps.setLong(1, runId);
      return ps.executeUpdate();
    }
  }

  /** Receives one staged item. */
  @FunctionalInterface
  public interface ItemReader {
    void read(PharmacySearch search, String itemJson) throws SQLException;
  }
}
