package io.trawl.worker.spend;

import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.market.UnlockerBudget;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns spending and breaker changes into metrics, and into notifications when a budget reaches 80
 * % or a breaker opens.
 *
 * <p>A budget warning's key is the scope and day, so it goes out once a day per budget whichever
 * worker sees it first; a breaker's key is the moment it opened.
 */
public final class SpendReporter implements SpendListener {
  private final WorkerNotifier notifier;
  private final Clock clock;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * @param notifier null when nobody is to be told (metrics only)
   */
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

  /**
   * The shares at which a provider's budget warns; the market's Unlocker budget warns at 50, 80 and
   * 95 % as the original did, every other budget at 80 %.
   */
  static List<Double> warningRatios(String provider) {
    return UnlockerBudget.PROVIDER.equals(provider)
        ? List.of(0.5, 0.8, 0.95)
        : List.of(BudgetStatus.WARNING_RATIO);
  }

  @Override
  public void budgetChanged(BudgetStatus status) {
    TrawlMetrics.budget(status);
    List<Double> ratios = warningRatios(status.provider());
    double reached =
        ratios.stream().filter(r -> status.usedRatio() >= r).reduce((a, b) -> b).orElse(-1.0);
    if (reached < 0) {
      return;
    }
    // The first warning of a budget and day keeps its old key; higher thresholds add theirs.
    String key =
        status.scope()
            + "/"
            + status.day()
            + (reached == ratios.get(0) ? "" : "/" + Math.round(reached * 100));
    // Every reservation lands here: start each threshold's notification once per process.
    if (notifier != null && warned.add(key)) {
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
          key);
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

  /** Exports a market source's breaker and tells people when it opens. */
  public void watch(SourceBreaker breaker) {
    TrawlMetrics.marketBreaker(breaker);
    breaker.onTransition(
        (b, from, to) -> {
          if (notifier != null && "open".equals(to)) {
            long now = clock.millis();
            String source = b.source().wireName();
            notifier.emit(
                NotificationEvent.of(
                    NotificationKind.BREAKER_OPENED,
                    "market",
                    "circuit breaker " + source + " opened",
                    source
                        + " failed "
                        + b.settings().failures()
                        + " times in a row (errors, robot pages or pages without a quote);"
                        + " quotes come from the other sources for "
                        + b.settings().openFor().toSeconds()
                        + " s, then one trial request",
                    Map.of("source", source, "from", from),
                    now),
                "market-" + source + "/" + now);
          }
        });
  }

  private static String pipelineOf(String provider) {
    if (UnlockerBudget.PROVIDER.equals(provider)) {
      return "market";
    }
    return "brightdata".equals(provider) ? "jobs" : provider;
  }

  private static String percent(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
