package io.trawl.activities.spend;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code budgets} and {@code cost_ledger} tables: reserve before a paid call, settle once the
 * delivery is counted, release when nothing was paid.
 *
 * <p>Reservations take the budget row's lock ({@code SELECT … FOR UPDATE}), so two workers
 * reserving at once cannot both take the last dollars. Each step is keyed by (scope, run), so an
 * activity retry repeats nothing.
 */
public final class SpendLedger {
  private static final String UPSERT_BUDGET =
      "INSERT INTO budgets (scope, day, limit_usd) VALUES (?, ?, ?)"
          + " ON CONFLICT (scope, day) DO UPDATE SET limit_usd = excluded.limit_usd";
  // cost_ledger's amounts are NUMERIC(14,6).
  private static final int LEDGER_SCALE = 6;
  private static final String LOCK_BUDGET =
      "SELECT limit_usd FROM budgets WHERE scope = ? AND day = ? FOR UPDATE";
  private static final String FIND_ENTRY =
      "SELECT state FROM cost_ledger WHERE scope = ? AND run_key = ?";
  // A released entry (its trigger was refused) is reserved again when the run retries.
  private static final String RESERVE =
      "INSERT INTO cost_ledger (scope, day, provider, mode, run_key, state, reserved_usd)"
          + " VALUES (?, ?, ?, ?, ?, 'reserved', ?)"
          + " ON CONFLICT (scope, run_key) DO UPDATE SET state = 'reserved',"
          + " reserved_usd = excluded.reserved_usd, day = excluded.day";
  private static final String SETTLE =
      "INSERT INTO cost_ledger"
          + " (scope, day, provider, mode, run_key, state, reserved_usd, units, cost_usd,"
          + " settled_at)"
          + " VALUES (?, ?, ?, ?, ?, 'settled', 0, ?, ?, now())"
          + " ON CONFLICT (scope, run_key) DO UPDATE SET state = 'settled', units = excluded.units,"
          + " cost_usd = excluded.cost_usd,"
          + " settled_at = coalesce(cost_ledger.settled_at, excluded.settled_at)"
          + " RETURNING day";
  private static final String RELEASE =
      "UPDATE cost_ledger SET state = 'released' WHERE scope = ? AND run_key = ?"
          + " AND state = 'reserved' RETURNING day";
  private static final String STATUS =
      "SELECT b.scope, b.day, b.limit_usd,"
          + " coalesce(sum(l.cost_usd) FILTER (WHERE l.state = 'settled'), 0) AS settled,"
          + " coalesce(sum(l.reserved_usd) FILTER (WHERE l.state = 'reserved'), 0) AS reserved,"
          + " coalesce(max(l.provider), ?) AS provider, coalesce(max(l.mode), ?) AS mode"
          + " FROM budgets b LEFT JOIN cost_ledger l ON l.scope = b.scope AND l.day = b.day"
          + " WHERE b.scope = ? AND b.day = ? GROUP BY b.scope, b.day, b.limit_usd";
  private static final String RECENT =
      "SELECT b.scope, b.day, b.limit_usd,"
          + " coalesce(sum(l.cost_usd) FILTER (WHERE l.state = 'settled'), 0) AS settled,"
          + " coalesce(sum(l.reserved_usd) FILTER (WHERE l.state = 'reserved'), 0) AS reserved,"
          + " coalesce(max(l.provider), b.scope) AS provider, coalesce(max(l.mode), 'real') AS mode"
          + " FROM budgets b LEFT JOIN cost_ledger l ON l.scope = b.scope AND l.day = b.day"
          + " WHERE b.day >= ? GROUP BY b.scope, b.day, b.limit_usd ORDER BY b.day DESC, b.scope";

  /** Who pays and for what: the ledger's key for one run. */
  public record Entry(String scope, String provider, String mode, String runKey) {}

  /**
   * The answer to {@link #reserve}.
   *
   * @param granted the run may make its paid call
   * @param repeated the run had reserved (or settled) before: a retry, nothing new was held back
   * @param status the budget after the reservation
   * @param overRunCap refused by the run's cap rather than the day's budget
   * @param runCommittedUsd what the run had spent or held in every scope when its cap refused the
   *     call; null otherwise
   */
  public record Reservation(
      boolean granted,
      boolean repeated,
      BudgetStatus status,
      boolean overRunCap,
      BigDecimal runCommittedUsd) {
    public Reservation(boolean granted, boolean repeated, BudgetStatus status) {
      this(granted, repeated, status, false, null);
    }
  }

  /**
   * A cap on what one run may commit across every scope: the sum of its entries whose run key
   * starts with {@code runKeyPrefix}.
   */
  public record RunCap(String runKeyPrefix, BigDecimal capUsd) {}

  // What a run has committed in every scope: held reservations and settled costs.
  private static final String RUN_COMMITTED =
      "SELECT coalesce(sum(CASE state WHEN 'settled' THEN cost_usd"
          + " WHEN 'reserved' THEN reserved_usd ELSE 0 END), 0)"
          + " FROM cost_ledger WHERE run_key LIKE ? ESCAPE '\\'";

  /**
   * The answer to {@link #settle}.
   *
   * @param repeated the run had settled before: a retry, nothing changed
   * @param status the budget after the settlement
   */
  public record Settlement(boolean repeated, BudgetStatus status) {}

  private final DataSource dataSource;

  public SpendLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Holds back {@code amount} of the day's budget for the entry's run, unless settled plus reserved
   * plus {@code amount} would pass {@code limit}. The limit is written on every call, so a raised
   * limit in trawl.yaml counts the same day.
   */
  public Reservation reserve(Entry entry, LocalDate day, BigDecimal limit, BigDecimal amount) {
    return reserve(entry, day, limit, amount, null);
  }

  /**
   * As {@link #reserve(Entry, LocalDate, BigDecimal, BigDecimal)}, and also refused ({@code
   * overRunCap}) when the run's committed total plus {@code amount} would pass {@code cap}. The
   * run's own lock (an advisory lock on its key prefix, always taken before the budget row's) makes
   * concurrent calls of one run see each other's reservations.
   */
  public Reservation reserve(
      Entry entry, LocalDate day, BigDecimal limit, BigDecimal amount, RunCap cap) {
    return Transactions.inTransaction(
        dataSource,
        "reserve " + amount + " USD of " + entry.scope() + " for " + entry.runKey(),
        tx -> {
          if (cap != null) {
            try (PreparedStatement ps =
                tx.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
              ps.setString(1, "run-cap:" + cap.runKeyPrefix());
              ps.executeQuery().close();
            }
          }
          lockBudget(tx, entry.scope(), day, limit);
          if (cap != null) {
            Optional<String> held = state(tx, entry);
            boolean repeat = held.isPresent() && !"released".equals(held.get());
            BigDecimal runCommitted = repeat ? BigDecimal.ZERO : runCommitted(tx, cap);
            if (!repeat && runCommitted.add(amount).compareTo(cap.capUsd()) > 0) {
              return new Reservation(false, false, status(tx, entry, day), true, runCommitted);
            }
          }
          Optional<String> existing = state(tx, entry);
          if (existing.isPresent() && !"released".equals(existing.get())) {
            return new Reservation(true, true, status(tx, entry, day));
          }
          BudgetStatus before = status(tx, entry, day);
          if (before.committedUsd().add(amount).compareTo(limit) > 0) {
            return new Reservation(false, false, before);
          }
          try (PreparedStatement ps = tx.prepareStatement(RESERVE)) {
            bindEntry(ps, entry, day);
            ps.setBigDecimal(6, amount);
            ps.executeUpdate();
          }
          // The status after is the one before plus this reservation, as the column stores it:
          // summing the day's ledger again would hold the budget row's lock for a second scan.
          BudgetStatus after =
              new BudgetStatus(
                  before.scope(),
                  before.provider(),
                  before.mode(),
                  before.day(),
                  before.limitUsd(),
                  before.settledUsd(),
                  before.reservedUsd().add(amount.setScale(LEDGER_SCALE, RoundingMode.HALF_UP)));
          return new Reservation(true, false, after);
        });
  }

  /**
   * Records what the run cost, replacing its reservation. A run with no reservation (triggered
   * before budgets existed) is entered on {@code day}.
   */
  public Settlement settle(
      Entry entry, LocalDate day, BigDecimal limit, long units, BigDecimal cost) {
    return Transactions.inTransaction(
        dataSource,
        "settle " + cost + " USD of " + entry.scope() + " for " + entry.runKey(),
        tx -> {
          ensureBudget(tx, entry.scope(), day, limit);
          boolean repeated = state(tx, entry).filter("settled"::equals).isPresent();
          LocalDate booked;
          try (PreparedStatement ps = tx.prepareStatement(SETTLE)) {
            bindEntry(ps, entry, day);
            ps.setLong(6, units);
            ps.setBigDecimal(7, cost);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              booked = rs.getDate(1).toLocalDate();
            }
          }
          return new Settlement(repeated, status(tx, entry, booked));
        });
  }

  /** The same ledger, seen as the attempts of single paid calls. */
  public AttemptLedger attempts() {
    return new AttemptLedger(dataSource);
  }

  /** Gives back a reservation whose paid call never happened; empty when there was none. */
  public Optional<BudgetStatus> release(Entry entry) {
    return Transactions.inTransaction(
        dataSource,
        "release the reservation of " + entry.scope() + " for " + entry.runKey(),
        tx -> {
          try (PreparedStatement ps = tx.prepareStatement(RELEASE)) {
            ps.setString(1, entry.scope());
            ps.setString(2, entry.runKey());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(status(tx, entry, rs.getDate(1).toLocalDate()));
            }
          }
        });
  }

  /** The entry's state ({@code reserved}, {@code settled}, {@code released}), if it has one. */
  public Optional<String> state(Entry entry) {
    return new Jdbc(dataSource)
        .query(
            "read the ledger entry of " + entry.runKey(),
            FIND_ENTRY,
            ps -> {
              ps.setString(1, entry.scope());
              ps.setString(2, entry.runKey());
            },
            rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty());
  }

  /**
   * What one run cost.
   *
   * @param scope the budget it was charged to
   * @param state reserved, settled or released
   * @param units records it was billed for (null while reserved)
   * @param costUsd its settled cost
   */
  public record RunCost(String scope, String state, Long units, BigDecimal costUsd) {}

  /** The ledger entry of {@code runKey} in whichever budget it was charged to, if any. */
  public Optional<RunCost> forRun(String runKey) {
    return new Jdbc(dataSource)
        .query(
            "read the cost of " + runKey,
            "SELECT scope, state, units, cost_usd FROM cost_ledger WHERE run_key = ?"
                + " ORDER BY id DESC LIMIT 1",
            ps -> ps.setString(1, runKey),
            rs ->
                rs.next()
                    ? Optional.of(
                        new RunCost(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getObject(3) == null ? null : rs.getLong(3),
                            rs.getBigDecimal(4)))
                    : Optional.<RunCost>empty());
  }

  /** Every scope's budget on {@code since} and later, newest day first. */
  public List<BudgetStatus> since(LocalDate since) {
    return new Jdbc(dataSource)
        .query(
            "read budgets since " + since,
            RECENT,
            ps -> ps.setDate(1, Date.valueOf(since)),
            rs -> {
              List<BudgetStatus> rows = new ArrayList<>();
              while (rs.next()) {
                rows.add(read(rs));
              }
              return rows;
            });
  }

  private static BigDecimal runCommitted(Connection tx, RunCap cap) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(RUN_COMMITTED)) {
      ps.setString(1, startsWith(cap.runKeyPrefix()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  /** A LIKE pattern (escape character {@code \\}) for keys starting with {@code prefix}. */
  static String startsWith(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** Binds parameters 1 to 5 of {@link #RESERVE} and {@link #SETTLE}: who pays, on which day. */
  private static void bindEntry(PreparedStatement ps, Entry entry, LocalDate day)
      throws SQLException {
    ps.setString(1, entry.scope());
    ps.setDate(2, Date.valueOf(day));
    ps.setString(3, entry.provider());
    ps.setString(4, entry.mode());
    ps.setString(5, entry.runKey());
  }

  private static void lockBudget(Connection tx, String scope, LocalDate day, BigDecimal limit)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(UPSERT_BUDGET)) {
      ps.setString(1, scope);
      ps.setDate(2, Date.valueOf(day));
      ps.setBigDecimal(3, limit);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = tx.prepareStatement(LOCK_BUDGET)) {
      ps.setString(1, scope);
      ps.setDate(2, Date.valueOf(day));
      ps.executeQuery().close();
    }
  }

  private static void ensureBudget(Connection tx, String scope, LocalDate day, BigDecimal limit)
      throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement(
            "INSERT INTO budgets (scope, day, limit_usd) VALUES (?, ?, ?)"
                + " ON CONFLICT (scope, day) DO NOTHING")) {
      ps.setString(1, scope);
      ps.setDate(2, Date.valueOf(day));
      ps.setBigDecimal(3, limit);
      ps.executeUpdate();
    }
  }

  private static Optional<String> state(Connection tx, Entry entry) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(FIND_ENTRY)) {
      ps.setString(1, entry.scope());
      ps.setString(2, entry.runKey());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static BudgetStatus status(Connection tx, Entry entry, LocalDate day)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(STATUS)) {
      ps.setString(1, entry.provider());
      ps.setString(2, entry.mode());
      ps.setString(3, entry.scope());
      ps.setDate(4, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no budget row for " + entry.scope() + " on " + day);
        }
        return read(rs);
      }
    }
  }

  private static BudgetStatus read(ResultSet rs) throws SQLException {
    return new BudgetStatus(
        rs.getString("scope"),
        rs.getString("provider"),
        rs.getString("mode"),
        rs.getDate("day").toLocalDate(),
        rs.getBigDecimal("limit_usd"),
        rs.getBigDecimal("settled"),
        rs.getBigDecimal("reserved"));
  }
}
