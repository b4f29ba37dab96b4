package io.trawl.activities.spend;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The cost ledger's entries of one paid call's attempts, keyed {@code <call prefix><attempt>}: when
 * each request left, and what a retry does with the entries of attempts that died with their call
 * under way. {@link SpendLedger} keeps the budgets, reservations and settlements themselves.
 */
public final class AttemptLedger {
  private final DataSource dataSource;

  AttemptLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Settles the earlier attempts of one paid call that neither settled nor released because their
   * worker died (or their attempt timed out) while the call was under way: the reservations of
   * {@code scope} whose key starts with {@code callPrefix} and is not {@code current}. One whose
   * request had started to leave ({@link #markSent}) is booked as spent at the price it held, since
   * the provider may have billed it; one whose request never left goes back. Returns the cost of
   * each entry booked.
   */
  public List<BigDecimal> bookUnfinished(String scope, String callPrefix, String current) {
    return Transactions.inTransaction(
            dataSource,
            "settle the unfinished attempts of " + callPrefix,
            tx ->
                closeDead(
                    tx,
                    "scope = ? AND run_key LIKE ? ESCAPE '\\' AND run_key <> ?",
                    ps -> {
                      ps.setString(1, scope);
                      ps.setString(2, SpendLedger.startsWith(callPrefix));
                      ps.setString(3, current);
                    }))
        .booked();
  }

  /**
   * What closing dead holds did.
   *
   * @param booked the cost of each hold booked as spent (its request had left)
   * @param released how many went back (their request never left)
   */
  record Closed(List<BigDecimal> booked, int released) {}

  /**
   * Closes, in {@code tx}, the held reservations that also match {@code which} (a condition on
   * {@code cost_ledger} whose parameters {@code binder} sets), all of whose attempts are dead: one
   * whose request had started to leave is booked as spent at the price it held and marked lost in
   * flight, since the provider may have billed it; one whose request never left goes back. The one
   * rule for a retry's dead predecessors and for the stale holds retention sweeps.
   */
  static Closed closeDead(Connection tx, String which, Jdbc.Binder binder) throws SQLException {
    int released;
    try (PreparedStatement ps =
        tx.prepareStatement(
            "UPDATE cost_ledger SET state = 'released'"
                + " WHERE state = 'reserved' AND sent_at IS NULL AND "
                + which)) {
      binder.bind(ps);
      released = ps.executeUpdate();
    }
    List<BigDecimal> booked = new ArrayList<>();
    try (PreparedStatement ps =
        tx.prepareStatement(
            "UPDATE cost_ledger SET state = 'settled', units = 1, cost_usd = reserved_usd,"
                + " settled_at = now(), lost_in_flight = true"
                + " WHERE state = 'reserved' AND "
                + which
                + " RETURNING cost_usd")) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          booked.add(rs.getBigDecimal(1));
        }
      }
    }
    return new Closed(booked, released);
  }

  /**
   * Settles at {@code cost} the reservations under {@code callPrefix} whose request left at or
   * before {@code answeredAt}, the time its answer was stored: an attempt that stored its answer
   * and died before settling. Returns how many were settled.
   */
  public int settleAnswered(String callPrefix, Instant answeredAt, BigDecimal cost) {
    return new Jdbc(dataSource)
        .update(
            "settle the answered attempts of " + callPrefix,
            "UPDATE cost_ledger SET state = 'settled', units = 1, cost_usd = ?, settled_at = now()"
                + " WHERE run_key LIKE ? ESCAPE '\\' AND state = 'reserved'"
                + " AND sent_at IS NOT NULL AND sent_at <= ?",
            ps -> {
              ps.setBigDecimal(1, cost);
              ps.setString(2, SpendLedger.startsWith(callPrefix));
              ps.setTimestamp(3, java.sql.Timestamp.from(answeredAt));
            });
  }

  /** Notes that the reserved call's request is leaving: from now on the provider may bill it. */
  public void markSent(SpendLedger.Entry entry) {
    updateHeld(entry, "note the request as sent", "sent_at = coalesce(sent_at, now())", "");
  }

  /**
   * Takes back {@link #markSent}: the provider refused the request, so it cannot have billed it.
   */
  public void markRefused(SpendLedger.Entry entry) {
    updateHeld(entry, "note the request as refused", "sent_at = NULL", "");
  }

  /**
   * Marks the reservation of {@code entry} as lost in flight if its request had left: an earlier
   * attempt sent the call and died before it could record the answer, so the provider may have
   * acted on it and the retry will make the call again. True when it had left.
   */
  public boolean markLostIfSent(SpendLedger.Entry entry) {
    return updateHeld(
            entry, "note the call as lost", "lost_in_flight = true", " AND sent_at IS NOT NULL")
        > 0;
  }

  /** Sets {@code assignment} on {@code entry} while it is held and {@code condition} holds. */
  private int updateHeld(
      SpendLedger.Entry entry, String what, String assignment, String condition) {
    return new Jdbc(dataSource)
        .update(
            what + ": " + entry.runKey(),
            "UPDATE cost_ledger SET "
                + assignment
                + " WHERE scope = ? AND run_key = ? AND state = 'reserved'"
                + condition,
            ps -> {
              ps.setString(1, entry.scope());
              ps.setString(2, entry.runKey());
            });
  }

  /** Whether any entry whose key starts with {@code callPrefix} is settled. */
  public boolean anySettled(String callPrefix) {
    return new Jdbc(dataSource)
        .query(
            "read the settled attempts of " + callPrefix,
            "SELECT EXISTS (SELECT 1 FROM cost_ledger WHERE run_key LIKE ? ESCAPE '\\'"
                + " AND state = 'settled')",
            ps -> ps.setString(1, SpendLedger.startsWith(callPrefix)),
            rs -> {
              rs.next();
              return rs.getBoolean(1);
            });
  }
}
