package io.trawl.activities.market.store;

import io.trawl.activities.store.Jdbc;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code unlocker_requests} table: async Unlocker requests a retry can read again. */
public final class UnlockerRequestRepository {
  /**
   * One request in flight.
   *
   * @param ledgerKey the cost_ledger entry holding its reservation
   * @param responseId Bright Data's {@code x-response-id}
   */
  public record Submitted(String ledgerKey, String responseId) {}

  private final Jdbc jdbc;

  public UnlockerRequestRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** The request an earlier attempt of the call {@code callPrefix} submitted, if any. */
  public Optional<Submitted> find(String callPrefix) {
    return jdbc.query(
        "read the Unlocker request of " + callPrefix,
        "SELECT ledger_key, response_id FROM unlocker_requests WHERE call_prefix = ?",
        ps -> ps.setString(1, callPrefix),
        rs ->
            rs.next()
                ? Optional.of(new Submitted(rs.getString(1), rs.getString(2)))
                : Optional.<Submitted>empty());
  }

  /** Keeps the request the call {@code callPrefix} just submitted. */
  public void save(String callPrefix, Submitted submitted) {
    jdbc.update(
        "keep the Unlocker request of " + callPrefix,
        "INSERT INTO unlocker_requests (call_prefix, ledger_key, response_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (call_prefix) DO UPDATE SET ledger_key = excluded.ledger_key,"
            + " response_id = excluded.response_id, submitted_at = now()",
        ps -> {
          ps.setString(1, callPrefix);
          ps.setString(2, submitted.ledgerKey());
          ps.setString(3, submitted.responseId());
        });
  }

  /** Forgets the call's request: its reservation was settled or released. */
  public void delete(String callPrefix) {
    jdbc.update(
        "forget the Unlocker request of " + callPrefix,
        "DELETE FROM unlocker_requests WHERE call_prefix = ?",
        ps -> ps.setString(1, callPrefix));
  }
}
