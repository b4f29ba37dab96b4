package io.trawl.activities.market.store;

import io.trawl.activities.store.Jdbc;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The {@code market_calls} and {@code market_breaker_events} tables: each source's outcome for each
 * quote and each breaker's state changes, written by every worker, so {@link MarketStats} tells the
 * truth across processes.
 */
public final class MarketCallRepository {
  /** A provider answered with a quote; for the cache, see {@link #HIT}. */
  public static final String SUCCESS = "success";

  public static final String FAILURE = "failure";
  public static final String REJECTED_BY_BREAKER = "rejected_by_breaker";
  public static final String BUDGET_REFUSED = "budget_refused";
  public static final String HIT = "hit";
  public static final String MISS = "miss";

  private static final String INSERT_CALL =
      """
      INSERT INTO market_calls (source, symbol, outcome, error_kind, latency_ms, cost_usd, mode, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String INSERT_EVENT =
      """
      INSERT INTO market_breaker_events (source, from_state, to_state, open_for_ms, worker, at)
      VALUES (?, ?, ?, ?, ?, ?)
      """;

  /** The {@code from_state} of an operator's reset request (its {@code to_state} is closed). */
  public static final String RESET = "reset";

  private static final String LATEST_RESET =
      """
      SELECT coalesce(max(id), 0) FROM market_breaker_events
      WHERE source = ? AND from_state = 'reset'
      """;

  private static final String REQUESTS_SINCE =
      """
      SELECT count(*) FROM market_calls
      WHERE source = ? AND outcome IN ('success', 'failure') AND at >= ?
      """;

  private final Jdbc jdbc;

  public MarketCallRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * One source's outcome for one quote.
   *
   * @param source {@code cache}, {@code bright_data} or {@code yahoo}
   * @param outcome one of the constants of this class
   * @param errorKind the failure type or reason ({@code ROBOT_PAGE}, {@code ProviderUnavailable});
   *     null on success
   * @param sandbox the source is a local sandbox
   */
  public void record(
      String source,
      String symbol,
      String outcome,
      String errorKind,
      long latencyMs,
      BigDecimal costUsd,
      boolean sandbox,
      Instant at) {
    jdbc.update(
        "record a " + source + " call for " + symbol,
        INSERT_CALL,
        ps -> {
          ps.setString(1, source);
          ps.setString(2, symbol);
          ps.setString(3, outcome);
          ps.setString(4, errorKind);
          ps.setLong(5, latencyMs);
          ps.setBigDecimal(6, costUsd == null ? BigDecimal.ZERO : costUsd);
          ps.setString(7, sandbox ? "sandbox" : "real");
          ps.setTimestamp(8, Timestamp.from(at));
        });
  }

  /** One breaker state change on {@code worker}. */
  public void recordTransition(
      String source, String from, String to, Long openForMs, String worker, Instant at) {
    jdbc.update(
        "record the " + source + " breaker going " + to,
        INSERT_EVENT,
        ps -> {
          ps.setString(1, source);
          ps.setString(2, from);
          ps.setString(3, to);
          if (openForMs == null) {
            ps.setNull(4, Types.BIGINT);
          } else {
            ps.setLong(4, openForMs);
          }
          ps.setString(5, worker);
          ps.setTimestamp(6, Timestamp.from(at));
        });
  }

  /**
   * Asks every worker's {@code source} breaker to close on its next call ({@code market breakers
   * --reset}); the row also shows the breaker closed in {@link MarketStats} right away.
   *
   * @param by who asked, e.g. {@code cli:pid@host}
   */
  public void requestReset(String source, String by, Instant at) {
    recordTransition(source, RESET, "closed", null, by, at);
  }

  /** The id of the newest reset request for {@code source}, 0 when there is none. */
  public long latestReset(String source) {
    return jdbc.query(
        "look up " + source + " breaker resets",
        LATEST_RESET,
        ps -> ps.setString(1, source),
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  /** Requests made to {@code source} (answered or failed, not refused) since {@code since}. */
  public long requestsSince(String source, Instant since) {
    return jdbc.query(
        "count " + source + " requests",
        REQUESTS_SINCE,
        ps -> {
          ps.setString(1, source);
          ps.setTimestamp(2, Timestamp.from(since));
        },
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }
}
