package io.trawl.worker.spend;

import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.SpendListener;
import io.trawl.worker.metrics.TrawlMetrics;
import io.trawl.worker.notify.WorkerNotifier;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns spending and breaker changes into metrics, and into notifications when a budget reaches
 * 80 % or a breaker opens.
 *
 * <p>A budget warning's key is the scope and day, so it goes out once a day per budget whichever
 * worker sees it first; a breaker's key is the moment it opened.
 */
public final class SpendReporter implements SpendListener {
  private final WorkerNotifier notifier;
  private final Clock clock;

  /** @param notifier null when nobody is to be told (metrics only) */
  public SpendReporter(WorkerNotifier notifier, Clock clock) {
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  public void paidCall(String provider, String mode) {
    TrawlMetrics.paidCall(provider, mode);
  }

  @Override
  public void settled(String provider, String mode, long units, BigDecimal costUsd) {
    TrawlMetrics.cost(provider, mode, costUsd);
  }

  @Override
  public void budgetChanged(BudgetStatus status) {
    TrawlMetrics.budget(status);
    if (notifier != null && status.atWarning()) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("scope", status.scope());
      details.put("day", status.day().toString());
      details.put("limit_usd", status.limitUsd().toPlainString());
      details.put("committed_usd", status.committedUsd().toPlainString());
      notifier.emit(
          NotificationEvent.of(
              NotificationKind.BUDGET_WARNING,
              pipelineOf(status.provider()),
              "budget " + status.scope() + " at " + percent(status.usedRatio()),
              status.describe()
                  + " is spent or held; paid calls stop at 100 % (budgets."
                  + status.provider()
                  + ".daily_usd in trawl.yaml)",
              details,
              clock.millis()),
          status.scope() + "/" + status.day());
    }
  }

  /** Exports {@code breaker}'s state and tells people when it opens. */
  public void watch(ProviderBreaker breaker, String pipeline) {
    TrawlMetrics.breaker(breaker);
    breaker.onTransition(
        state -> {
          if (notifier != null && "open".equals(state)) {
            long now = clock.millis();
            notifier.emit(
                NotificationEvent.of(
                    NotificationKind.BREAKER_OPENED,
                    pipeline,
                    "circuit breaker " + breaker.source() + " opened",
                    "calls to "
                        + breaker.source()
                        + " failed repeatedly (5xx, 429 or broken connections); runs wait for"
                        + " the breaker instead of calling",
                    Map.of("source", breaker.source()),
                    now),
                breaker.source() + "/" + now);
          }
        });
  }

  private static String pipelineOf(String provider) {
    return "brightdata".equals(provider) ? "jobs" : provider;
  }

  private static String percent(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
