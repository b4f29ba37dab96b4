package io.trawl.worker.faults;

import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What a row of a provider-fault table expects a run to end with: completed, or failed with a typed
 * failure whose message says something readable.
 *
 * @param failureType the {@link io.trawl.workflows.common.Failures} type, null when the run
 *     completes
 * @param says a part of the failure's message, null when the run completes
 */
public record FaultOutcome(String failureType, String says) {
  public static final FaultOutcome COMPLETES = new FaultOutcome(null, null);

  public static FaultOutcome fails(String failureType, String says) {
    return new FaultOutcome(failureType, says);
  }

  public boolean completes() {
    return failureType == null;
  }

  @Override
  public String toString() {
    return completes() ? "completes" : "fails " + failureType + " \"" + says + "\"";
  }

  /** The first {@link ApplicationFailure} in {@code failure}'s cause chain. */
  public static ApplicationFailure applicationFailure(Throwable failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof ApplicationFailure application) {
        return application;
      }
    }
    throw new AssertionError("no ApplicationFailure in " + failure, failure);
  }

  /** The failure's type and message, for an assertion's description; "nothing" for null. */
  public static String describe(Throwable failure) {
    if (failure == null) {
      return "nothing";
    }
    ApplicationFailure application = applicationFailure(failure);
    return application.getType() + ": " + application.getOriginalMessage();
  }

  /** The single number {@code sql} selects. */
  public static long count(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
