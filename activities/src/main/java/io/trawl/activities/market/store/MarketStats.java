package io.trawl.activities.market.store;

import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.store.Jdbc;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads {@link MarketStatsReport}: what {@code ./trawl market stats} prints. Everything is counted
 * from the database, so it covers every worker process, not one JVM's memory.
 */
public final class MarketStats {
  private static final List<String> PROVIDERS = List.of("bright_data", "yahoo");

  private static final String CALLS =
      """
      SELECT count(*) FILTER (WHERE outcome = 'success') AS successes,
             count(*) FILTER (WHERE outcome = 'failure') AS failures,
             count(*) FILTER (WHERE outcome = 'rejected_by_breaker') AS rejected,
             coalesce(sum(cost_usd), 0) AS cost,
             coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms)
                      FILTER (WHERE outcome IN ('success', 'failure')), 0) AS p50,
             coalesce(percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms)
                      FILTER (WHERE outcome IN ('success', 'failure')), 0) AS p95
      FROM market_calls WHERE source = ? AND at >= ?
      """;

  private static final String CACHE =
      """
      SELECT count(*) FILTER (WHERE outcome = 'hit'), count(*) FILTER (WHERE outcome = 'miss')
      FROM market_calls WHERE source = 'cache' AND at >= ?
      """;

  private static final String TOTAL_COST =
      "SELECT coalesce(sum(cost_usd), 0) FROM market_calls WHERE at >= ?";

  private static final String TRANSITIONS =
      """
      SELECT from_state, to_state, open_for_ms, worker, at FROM market_breaker_events
      WHERE source = ? ORDER BY at DESC, id DESC LIMIT 10
      """;

  private final Jdbc jdbc;
  private final SpendLedger ledger;
  private final String budgetScope;
  private final BigDecimal dailyLimitUsd;
  private final ZoneId zone;

  /**
   * @param budgetScope the Unlocker budget's ledger scope ({@code UnlockerBudget.scope(sandbox)})
   * @param dailyLimitUsd its configured limit, shown when nothing was reserved today
   * @param zone the budget's zone: "today" is its calendar day
   */
  public MarketStats(
      DataSource dataSource, String budgetScope, BigDecimal dailyLimitUsd, ZoneId zone) {
    this.jdbc = new Jdbc(dataSource);
    this.ledger = new SpendLedger(dataSource);
    this.budgetScope = budgetScope;
    this.dailyLimitUsd = dailyLimitUsd;
    this.zone = zone;
  }

  /** Statistics of today (the budget zone's calendar day) as of {@code now}. */
  public MarketStatsReport today(Instant now) {
    return since(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant(), now);
  }

  /** Statistics of calls since {@code since}; breaker states and the budget as of {@code now}. */
  public MarketStatsReport since(Instant since, Instant now) {
    List<MarketStatsReport.BreakerStats> breakers = new ArrayList<>();
    List<MarketStatsReport.SourceStats> sources = new ArrayList<>();
    for (String source : PROVIDERS) {
      Counts counts = counts(source, since);
      long requests = counts.successes() + counts.failures();
      sources.add(
          new MarketStatsReport.SourceStats(
              source,
              requests,
              counts.successes(),
              counts.failures(),
              percent(counts.successes(), requests),
              counts.cost(),
              counts.p50(),
              counts.p95()));
      breakers.add(breaker(source, counts, now));
    }
    long[] cache = cache(since);
    return new MarketStatsReport(
        since,
        List.copyOf(breakers),
        List.copyOf(sources),
        new MarketStatsReport.CacheStats(
            cache[0], cache[1], percent(cache[0], cache[0] + cache[1])),
        totalCost(since),
        budget(LocalDate.ofInstant(now, zone)));
  }

  private record Counts(
      long successes, long failures, long rejected, BigDecimal cost, long p50, long p95) {}

  private Counts counts(String source, Instant since) {
    return jdbc.query(
        "count " + source + " calls",
        CALLS,
        ps -> {
          ps.setString(1, source);
          ps.setTimestamp(2, Timestamp.from(since));
        },
        rs -> {
          rs.next();
          return new Counts(
              rs.getLong("successes"),
              rs.getLong("failures"),
              rs.getLong("rejected"),
              rs.getBigDecimal("cost"),
              rs.getLong("p50"),
              rs.getLong("p95"));
        });
  }

  private MarketStatsReport.BreakerStats breaker(String source, Counts counts, Instant now) {
    List<MarketStatsReport.Transition> transitions = new ArrayList<>();
    Long[] recovery = {null};
    jdbc.query(
        "read the " + source + " breaker's transitions",
        TRANSITIONS,
        ps -> ps.setString(1, source),
        rs -> {
          boolean newest = true;
          while (rs.next()) {
            Instant at = rs.getTimestamp("at").toInstant();
            String to = rs.getString("to_state");
            long openFor = rs.getLong("open_for_ms");
            if (newest && "open".equals(to) && !rs.wasNull()) {
              long leftMs = openFor - (now.toEpochMilli() - at.toEpochMilli());
              recovery[0] = Math.max(0, (leftMs + 999) / 1000);
            }
            newest = false;
            transitions.add(
                new MarketStatsReport.Transition(
                    rs.getString("from_state"), to, at, rs.getString("worker")));
          }
          return null;
        });
    String state = transitions.isEmpty() ? "closed" : transitions.get(0).to();
    long made = counts.successes() + counts.failures();
    return new MarketStatsReport.BreakerStats(
        source,
        state,
        made + counts.rejected(),
        counts.successes(),
        counts.failures(),
        counts.rejected(),
        percent(counts.failures(), made),
        "open".equals(state) ? recovery[0] : null,
        List.copyOf(transitions));
  }

  private long[] cache(Instant since) {
    return jdbc.query(
        "count cache lookups",
        CACHE,
        ps -> ps.setTimestamp(1, Timestamp.from(since)),
        rs -> {
          rs.next();
          return new long[] {rs.getLong(1), rs.getLong(2)};
        });
  }

  private BigDecimal totalCost(Instant since) {
    return jdbc.query(
        "sum market cost",
        TOTAL_COST,
        ps -> ps.setTimestamp(1, Timestamp.from(since)),
        rs -> {
          rs.next();
          return rs.getBigDecimal(1);
        });
  }

  private MarketStatsReport.BudgetStats budget(LocalDate day) {
    BudgetStatus status =
        ledger.since(day).stream()
            .filter(s -> s.scope().equals(budgetScope) && s.day().equals(day))
            .findFirst()
            .orElse(
                new BudgetStatus(
                    budgetScope,
                    "brightdata-unlocker",
                    budgetScope.endsWith("-sandbox") ? "sandbox" : "real",
                    day,
                    dailyLimitUsd,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO));
    return new MarketStatsReport.BudgetStats(
        status.scope(),
        day,
        status.limitUsd(),
        status.settledUsd(),
        status.reservedUsd(),
        Math.round(status.usedRatio() * 10000) / 100.0,
        status.remainingUsd());
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
  }
}
