package io.trawl.activities.market.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The original crawler's statistics, counted from {@code market_calls}, {@code
 * market_breaker_events} and the ledger, so every worker's calls are in them.
 *
 * @param since start of the counted period (the budget day's start unless asked otherwise)
 * @param breakers per provider breaker
 * @param sources per provider
 * @param cache cache hits and misses
 * @param totalCostUsd what every source cost in the period
 * @param budget today's Unlocker budget
 */
public record MarketStatsReport(
    Instant since,
    List<BreakerStats> breakers,
    List<SourceStats> sources,
    CacheStats cache,
    BigDecimal totalCostUsd,
    BudgetStats budget) {

  /**
   * One source's breaker as the workers last recorded it.
   *
   * @param state the last recorded state ({@code closed} when none was ever recorded)
   * @param calls calls made plus calls the breaker refused
   * @param failures failed calls
   * @param failureRatePercent failures over calls made, 0 without calls
   * @param recoveryInSeconds seconds until an open breaker lets a trial through; null unless open
   * @param recentTransitions newest first, at most ten
   */
  public record BreakerStats(
      String source,
      String state,
      long calls,
      long successes,
      long failures,
      long rejected,
      double failureRatePercent,
      Long recoveryInSeconds,
      List<Transition> recentTransitions) {}

  /** One state change of one worker's breaker. */
  public record Transition(String from, String to, Instant at, String worker) {}

  /**
   * One provider's requests in the period.
   *
   * @param requests requests made (successes and failures; refusals are not requests)
   * @param successRatePercent successes over requests, 0 without requests
   * @param p50LatencyMs median latency of its requests, 0 without requests
   * @param p95LatencyMs 95th percentile latency, 0 without requests
   */
  public record SourceStats(
      String source,
      long requests,
      long successes,
      long failures,
      double successRatePercent,
      BigDecimal costUsd,
      long p50LatencyMs,
      long p95LatencyMs) {}

  /** Cache lookups; {@code hitRatePercent} is 0 without lookups. */
  public record CacheStats(long hits, long misses, double hitRatePercent) {}

  /**
   * @param usedPercent spent and held over the limit
   * @param remainingUsd what the day can still pay
   */
  public record BudgetStats(
      String scope,
      LocalDate day,
      BigDecimal limitUsd,
      BigDecimal spentUsd,
      BigDecimal heldUsd,
      double usedPercent,
      BigDecimal remainingUsd) {}

  /** The breaker line of {@code source}, if it has one. */
  public BreakerStats breaker(String source) {
    return breakers.stream().filter(b -> b.source().equals(source)).findFirst().orElseThrow();
  }

  /** The source line of {@code source}. */
  public SourceStats source(String source) {
    return sources.stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow();
  }
}
