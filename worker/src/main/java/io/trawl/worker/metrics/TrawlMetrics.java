package io.trawl.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.time.Duration;

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
}
