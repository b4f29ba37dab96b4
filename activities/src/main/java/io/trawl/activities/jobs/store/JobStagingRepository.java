package io.trawl.activities.jobs.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.StoreException;
import io.trawl.activities.store.Transactions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The {@code job_staging} claim-check: a run's raw records, written with PostgreSQL COPY as they
 * stream in from the provider.
 *
 * <p>A run's rows are always replaced as a whole, in one transaction, so a retried download never
 * doubles them and a failed one leaves the previous complete batch in place.
 */
public final class JobStagingRepository {
  private static final String DELETE_RUN = "DELETE FROM job_staging WHERE run_id = ?";
  private static final String COPY_IN =
      "COPY job_staging (run_id, seq, raw) FROM STDIN WITH (FORMAT csv)";
  private static final String COUNT_RUN = "SELECT count(*) FROM job_staging WHERE run_id = ?";
  private static final String SELECT_RUN =
      "SELECT raw FROM job_staging WHERE run_id = ? ORDER BY seq";
  // Big enough to keep COPY round trips rare, small enough that a snapshot never sits in memory.
  private static final int FLUSH_BYTES = 64 * 1024;

  /** Produces the records to stage by handing each raw record to {@code stage}. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(Consumer<String> stage);
  }

  /**
   * The outcome of {@link #replace}.
   *
   * @param rows rows now staged for the run
   * @param result what the loader returned
   */
  public record Replaced<T>(int rows, T result) {}

  private final DataSource dataSource;
  private final Jdbc jdbc;

  public JobStagingRepository(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Deletes the run's staged rows and COPYs in whatever {@code loader} stages, numbering rows from
   * 1, in one transaction. If the loader throws, the COPY is cancelled, the transaction rolls back
   * (the earlier rows stay) and the exception reaches the caller unchanged.
   */
  public <T> Replaced<T> replace(long runId, Loader<T> loader) {
    return Transactions.inTransaction(
        dataSource,
        "stage records of run " + runId,
        tx -> {
          try (PreparedStatement delete = tx.prepareStatement(DELETE_RUN)) {
            delete.setLong(1, runId);
            delete.executeUpdate();
          }
          CopyWriter writer = new CopyWriter(tx, runId);
          try {
            T result = loader.load(writer::stage);
            return new Replaced<>(writer.finish(), result);
          } catch (RuntimeException | Error e) {
            writer.cancel(e);
            throw e;
          }
        });
  }

  public int count(long runId) {
    return jdbc.query(
        "count staged records of run " + runId,
        COUNT_RUN,
        ps -> ps.setLong(1, runId),
        rs -> {
          rs.next();
          return rs.getInt(1);
        });
  }

  /** Every staged record of the run in order; for inspection and tests, not for big runs. */
  public List<String> rawRecords(long runId) {
    return jdbc.query(
        "read staged records of run " + runId,
        SELECT_RUN,
        ps -> ps.setLong(1, runId),
        rs -> {
          List<String> raw = new ArrayList<>();
          while (rs.next()) {
            raw.add(rs.getString(1));
          }
          return raw;
        });
  }

  /** Encodes records as CSV rows and feeds them to one COPY, a buffer at a time. */
  private static final class CopyWriter {
    private final CopyIn copy;
    private final long runId;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);
    private int rows;

    CopyWriter(Connection tx, long runId) throws SQLException {
      this.copy = tx.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_IN);
      this.runId = runId;
    }

    void stage(String raw) {
      rows++;
      buffer.append(runId).append(',').append(rows).append(',');
      quote(raw);
      buffer.append('\n');
      if (buffer.length() >= FLUSH_BYTES) {
        flush();
      }
    }

    int finish() throws SQLException {
      flush();
      copy.endCopy();
      return rows;
    }

    /** Ends an unfinished COPY so the rollback can run; a failure here is kept, not thrown. */
    void cancel(Throwable cause) {
      try {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }

    /**
     * A CSV field always quoted, quotes doubled: commas, newlines and a lone {@code \.} are then
     * plain data. PostgreSQL text cannot hold NUL, so one is kept as its JSON escape instead.
     */
    private void quote(String raw) {
      String text = raw.indexOf('\0') < 0 ? raw : raw.replace("\0", "\\u0000");
      buffer.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        buffer.append(c);
        if (c == '"') {
          buffer.append('"');
        }
      }
      buffer.append('"');
    }

    private void flush() {
      if (buffer.isEmpty()) {
        return;
      }
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      buffer.setLength(0);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new StoreException("COPY into job_staging for run " + runId, e);
      }
    }
  }
}
