package io.trawl.activities.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work on one connection inside one transaction: commit on return, roll back on failure. */
public final class Transactions {
  private Transactions() {}

  /** Work done on a connection whose transaction the caller of {@link #inTransaction} owns. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection tx) throws SQLException;
  }

  public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackKeeping(connection, e);
        throw e;
      } finally {
        // Pooled connections go back with the autocommit mode they were lent with.
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException(what, e);
    }
  }

  /** A failed rollback must not hide the failure that caused it. */
  private static void rollbackKeeping(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
