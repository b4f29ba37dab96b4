package io.trawl.activities.jobs.store;

import io.trawl.activities.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Puts a failed scrape run's row back to {@code running} before {@code ./trawl runs retry} resets
 * its workflow: the reset run finishes the same row (its id is in the replayed history), and {@code
 * complete} only finishes running rows.
 */
public final class ScrapeRunReopener {
  private static final String REOPEN =
      "UPDATE scrape_runs SET status = 'running', error = NULL, finished_at = NULL,"
          + " duration_seconds = NULL WHERE temporal_run_id = ? AND status = 'failed'";

  private final DataSource dataSource;

  public ScrapeRunReopener(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** How many rows were reopened: 1 for a failed jobs run, 0 otherwise (other pipelines). */
  public int reopenFailed(String temporalRunId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(REOPEN)) {
      statement.setString(1, temporalRunId);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("reopen failed run " + temporalRunId, e);
    }
  }
}
