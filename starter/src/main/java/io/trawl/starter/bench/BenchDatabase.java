package io.trawl.starter.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trawl.activities.store.Migrations;
import io.trawl.worker.runtime.EmbeddedDatabase;
import io.trawl.worker.runtime.TrawlHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A private embedded PostgreSQL for one bench, in its own data directory, configured as the
 * embedded default is (fsync and synchronous commit on), migrated by the production Flyway files.
 *
 * <p>The bench talks to it through one pooled connection: every write of the bench happens on that
 * backend, so one {@code pg_stat_force_next_flush()} there makes its tuple counts visible to {@link
 * #tuples} before the next statement returns.
 */
final class BenchDatabase implements AutoCloseable {
  private final EmbeddedDatabase server;
  private final HikariDataSource pool;

  private BenchDatabase(EmbeddedDatabase server, HikariDataSource pool) {
    this.server = server;
    this.pool = pool;
  }

  static BenchDatabase start(Path dir) {
    EmbeddedDatabase server = EmbeddedDatabase.start(TrawlHome.at(dir));
    // Flyway holds a second connection for its lock, so it runs on the server's own pool.
    try {
      Migrations.migrate(server.dataSource());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("trawl-bench");
    config.setJdbcUrl(server.jdbcUrl());
    config.setMaximumPoolSize(1);
    return new BenchDatabase(server, new HikariDataSource(config));
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * The embedded server's own pool of several connections, for a worker whose activities write at
   * once; its tuple counts reach {@link #tuples} only when the statistics collector flushes.
   */
  DataSource poolDataSource() {
    return server.dataSource();
  }

  /** Runs one statement in autocommit. */
  void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Tuples written to {@code table} so far, as the statistics collector counts them. */
  TupleCounts tuples(String table) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      // The flush happens when this statement ends, before the backend reports ready.
      st.execute("SELECT pg_stat_force_next_flush()");
      st.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT n_tup_ins, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
                  + " WHERE relname = '"
                  + table
                  + "'")) {
        return rs.next()
            ? new TupleCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))
            : new TupleCounts(0, 0, 0);
      }
    }
  }

  @Override
  public void close() {
    pool.close();
    server.close();
  }

  /** Inserted, updated and HOT-updated tuple counts of one table. */
  record TupleCounts(long inserted, long updated, long hotUpdated) {
    TupleCounts minus(TupleCounts before) {
      return new TupleCounts(
          inserted - before.inserted, updated - before.updated, hotUpdated - before.hotUpdated);
    }
  }
}
