package io.trawl.worker.metrics;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.QuarantineRef;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.StagedBatch;
import io.trawl.workflows.notify.NotificationEvent;
import java.time.Duration;

/**
 * Counts trawl's metrics from what activities return and throw.
 *
 * <p>An interceptor rather than calls inside each activity: the activities stay free of a metrics
 * dependency and callable from tests and tools, and a retried activity that failed counts nothing.
 * The result records already carry every figure a metric needs.
 */
public final class ActivityMetricsInterceptor extends WorkerInterceptorBase {
  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityOutput output;
        NotificationEvent notification = notificationOf(input.getArguments());
        try {
          output = super.execute(input);
        } catch (RuntimeException failure) {
          if (failure instanceof ApplicationFailure app
              && Failures.VALIDATION_FAILED.equals(app.getType())) {
            TrawlMetrics.validationFailed("etl", check(app));
          }
          if (notification != null) {
            TrawlMetrics.notification(notification.kind(), "attempt_failed");
          }
          throw failure;
        }
        if (notification != null) {
          TrawlMetrics.notification(notification.kind(), "delivered");
        }
        record(output.getResult(), input.getArguments());
        return output;
      }
    };
  }

  private static void record(Object result, Object[] arguments) {
    switch (result) {
      case IngestResult r -> {
        TrawlMetrics.records("jobs", "ingested", r.found());
        TrawlMetrics.records("jobs", "new", r.newJobs());
        TrawlMetrics.records("jobs", "updated", r.updated());
        TrawlMetrics.records("jobs", "invalid", r.invalid());
      }
      case StagedBatch b -> TrawlMetrics.bytesDownloaded("jobs", b.bytes());
      case DownloadRef d -> TrawlMetrics.bytesDownloaded("etl", d.bytes());
      case QuarantineRef q -> TrawlMetrics.quarantined("etl");
      case ScrapeRunResult r ->
          TrawlMetrics.runEnded(
              "jobs", r.status(), Duration.ofMillis(Math.round(r.durationSeconds() * 1000)));
      case null, default -> {
        // recordOutcome returns nothing: an ETL source run's figures travel in its argument.
        if (arguments.length == 1 && arguments[0] instanceof EtlSourceResult r) {
          TrawlMetrics.runEnded(
              "etl", r.outcome() == null ? null : r.outcome().name().toLowerCase(),
              Duration.ofMillis(r.durationMillis()));
          cacheLookup(r.outcome());
        }
      }
    }
  }

  /**
   * The data directory is a cache of each source: a fresh verdict (gate or 304) is a hit, a
   * transfer is a miss. Failed runs looked nothing up to the end and count as neither.
   */
  private static void cacheLookup(EtlOutcome outcome) {
    if (outcome == EtlOutcome.FRESH) {
      TrawlMetrics.cacheLookup("etl-files", true);
    } else if (outcome == EtlOutcome.DOWNLOADED
        || outcome == EtlOutcome.QUARANTINED
        || outcome == EtlOutcome.WOULD_DOWNLOAD) {
      TrawlMetrics.cacheLookup("etl-files", false);
    }
  }

  /** The event of a webhook delivery ({@code deliver(target, event)}); null for other calls. */
  private static NotificationEvent notificationOf(Object[] arguments) {
    return arguments.length == 2 && arguments[1] instanceof NotificationEvent event ? event : null;
  }

  private static String check(ApplicationFailure failure) {
    try {
      String check = failure.getDetails().get(String.class);
      return check == null ? "unknown" : check;
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
