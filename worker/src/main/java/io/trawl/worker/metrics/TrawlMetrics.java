package io.trawl.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.BudgetStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * trawl's own metric families and the Temporal SDK's, in one Prometheus registry per process.
 *
 * <p>One registry per JVM (like Micrometer's global registry) because the Temporal client is built
 * before the worker and the metrics server, in different places; both must feed the same scrape.
 */
public final class TrawlMetrics {
  private static final PrometheusMeterRegistry REGISTRY =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  // Tally buffers SDK metrics and hands them to Micrometer at this interval.
  private static final Scope TEMPORAL_SCOPE =
      new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(REGISTRY))
          .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));

  // Gauges read these; Micrometer holds gauge state weakly, so the map keeps it alive.
  private static final Map<String, AtomicReference<Double>> GAUGE_VALUES =
      new ConcurrentHashMap<>();

  private static final Map<String, ProviderBreaker> BREAKERS = new ConcurrentHashMap<>();
  private static final Map<String, SourceBreaker> MARKET_BREAKERS = new ConcurrentHashMap<>();

  private TrawlMetrics() {}

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /** The scope to give {@code WorkflowServiceStubsOptions} so the SDK's metrics join the scrape. */
  public static Scope temporalScope() {
    return TEMPORAL_SCOPE;
  }

  /** Records by outcome: {@code ingested}, {@code new}, {@code updated}, {@code invalid}. */
  static void records(String pipeline, String outcome, long count) {
    Counter.builder("trawl_records")
        .description("Records handled by ingest steps, by outcome")
        .tag("pipeline", pipeline)
        .tag("outcome", outcome)
        .register(REGISTRY)
        .increment(count);
  }

  static void bytesDownloaded(String pipeline, long bytes) {
    Counter.builder("trawl_downloaded_bytes")
        .description("Bytes downloaded from providers and sources")
        .tag("pipeline", pipeline)
        .register(REGISTRY)
        .increment(bytes);
  }

  static void validationFailed(String pipeline, String check) {
    Counter.builder("trawl_validations_failed")
        .description("Validation gates that refused a file or batch")
        .tag("pipeline", pipeline)
        .tag("check", check)
        .register(REGISTRY)
        .increment();
  }

  static void quarantined(String pipeline) {
    Counter.builder("trawl_quarantined_files")
        .description("Files moved to quarantine")
        .tag("pipeline", pipeline)
        .register(REGISTRY)
        .increment();
  }

  /** A run ended; {@code status} is what its row says (completed, failed, cancelled, ...). */
  static void runEnded(String pipeline, String status, Duration duration) {
    Timer.builder("trawl_run_duration")
        .description("Wall-clock duration of pipeline runs")
        .tag("pipeline", pipeline)
        .tag("status", status == null ? "unknown" : status)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100))
        .maximumExpectedValue(Duration.ofHours(6))
        .register(REGISTRY)
        // Under a time-skipping test server the row's clock and the worker's disagree.
        .record(duration.isNegative() ? Duration.ZERO : duration);
    Counter.builder("trawl_runs")
        .description("Runs ended, by pipeline and status")
        .tag("pipeline", pipeline)
        .tag("status", status == null ? "unknown" : status)
        .register(REGISTRY)
        .increment();
  }

  /** A call a provider bills for (a Bright Data trigger); reused triggers are not counted. */
  public static void paidCall(String provider, String mode) {
    Counter.builder("trawl_paid_calls")
        .description("Calls providers bill for, by provider and mode (real or sandbox)")
        .tag("provider", provider)
        .tag("mode", mode)
        .register(REGISTRY)
        .increment();
  }

  /** What a run cost once its delivery was counted. */
  public static void cost(String provider, String mode, BigDecimal usd) {
    Counter.builder("trawl_cost_usd")
        .description("Settled provider cost in US dollars, by provider and mode")
        .tag("provider", provider)
        .tag("mode", mode)
        .register(REGISTRY)
        .increment(usd.doubleValue());
  }

  /** The budget as the last reservation or settlement on this worker left it. */
  public static void budget(BudgetStatus status) {
    gauge(
        "trawl_budget_remaining_usd",
        "What today's budget can still give to new runs, in US dollars",
        status,
        status.remainingUsd().doubleValue());
    gauge(
        "trawl_budget_used_ratio",
        "Share of today's budget spent or held by runs in flight (alert at 0.8)",
        status,
        status.usedRatio());
    gauge(
        "trawl_budget_limit_usd",
        "Today's budget limit in US dollars",
        status,
        status.limitUsd().doubleValue());
  }

  /**
   * Exports {@code breaker}'s state: 1 while it is open (calls refused), else 0. The gauge reads
   * the breaker registered last for its source (a process may build workers more than once).
   */
  public static void breaker(ProviderBreaker breaker) {
    BREAKERS.put(breaker.source(), breaker);
    Gauge.builder(
            "trawl_breaker_open",
            BREAKERS,
            breakers -> breakers.get(breaker.source()).isOpen() ? 1 : 0)
        .description("1 while a source's circuit breaker is open (calls refused), else 0")
        .tag("source", breaker.source())
        .register(REGISTRY);
    breaker.onTransition(
        state ->
            Counter.builder("trawl_breaker_transitions")
                .description("Circuit breaker state changes, by source and new state")
                .tag("source", breaker.source())
                .tag("to", state)
                .register(REGISTRY)
                .increment());
  }

  /**
   * Exports a market source's breaker: {@code trawl_breaker_open} as for the jobs breaker, {@code
   * trawl_breaker_state} (0 closed, 1 half-open, 2 open) and its transitions. Sources are named
   * {@code bright_data} and {@code yahoo}; the jobs pipeline's Bright Data breaker is {@code
   * brightdata}.
   */
  public static void marketBreaker(SourceBreaker breaker) {
    String source = breaker.source().wireName();
    MARKET_BREAKERS.put(source, breaker);
    Gauge.builder(
            "trawl_breaker_open",
            MARKET_BREAKERS,
            breakers -> breakers.get(source).isOpen() ? 1 : 0)
        .description("1 while a source's circuit breaker is open (calls refused), else 0")
        .tag("source", source)
        .register(REGISTRY);
    Gauge.builder(
            "trawl_breaker_state",
            MARKET_BREAKERS,
            breakers ->
                switch (breakers.get(source).state()) {
                  case "open" -> 2;
                  case "half_open" -> 1;
                  default -> 0;
                })
        .description("A market source's breaker: 0 closed, 1 half-open (one trial), 2 open")
        .tag("source", source)
        .register(REGISTRY);
    breaker.onTransition(
        (b, from, to) ->
            Counter.builder("trawl_breaker_transitions")
                .description("Circuit breaker state changes, by source and new state")
                .tag("source", source)
                .tag("to", to)
                .register(REGISTRY)
                .increment());
  }

  /** One webhook delivery attempt: {@code delivered} or {@code attempt_failed} (retried). */
  static void notification(String event, String outcome) {
    Counter.builder("trawl_notifications")
        .description("Webhook delivery attempts by event and outcome")
        .tag("event", event)
        .tag("outcome", outcome)
        .register(REGISTRY)
        .increment();
  }

  /** A lookup in a cache: {@code hit} when the cached copy served it. */
  static void cacheLookup(String cache, boolean hit) {
    Counter.builder("trawl_cache_lookups")
        .description("Cache lookups by cache and result (hit or miss)")
        .tag("cache", cache)
        .tag("result", hit ? "hit" : "miss")
        .register(REGISTRY)
        .increment();
  }

  private static void gauge(String name, String description, BudgetStatus status, double value) {
    String key = name + "|" + status.provider() + "|" + status.mode();
    AtomicReference<Double> holder =
        GAUGE_VALUES.computeIfAbsent(
            key,
            k -> {
              AtomicReference<Double> created = new AtomicReference<>(0.0);
              Gauge.builder(name, created, AtomicReference::get)
                  .description(description)
                  .tag("provider", status.provider())
                  .tag("mode", status.mode())
                  .register(REGISTRY);
              return created;
            });
    holder.set(value);
  }
}
