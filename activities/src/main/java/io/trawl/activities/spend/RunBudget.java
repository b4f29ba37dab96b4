package io.trawl.activities.spend;

import io.trawl.workflows.common.Failures;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's daily budget as a run sees it: reserve before the paid call, release when the call
 * was refused, settle with the records delivered.
 *
 * <p>Sandbox runs keep their own scope ({@code <provider>-sandbox}) under the same limits, so a
 * demo shows the budget at work without eating the real one.
 */
public final class RunBudget {
  private static final Logger log = LoggerFactory.getLogger(RunBudget.class);

  private final SpendLedger ledger;
  private final RecordPricing pricing;
  private final String mode;
  private final Clock clock;
  private final SpendListener listener;

  public RunBudget(
      SpendLedger ledger,
      RecordPricing pricing,
      boolean sandbox,
      Clock clock,
      SpendListener listener) {
    this.ledger = ledger;
    this.pricing = pricing;
    this.mode = sandbox ? "sandbox" : "real";
    this.clock = clock;
    this.listener = listener;
  }

  public String mode() {
    return mode;
  }

  public String provider() {
    return pricing.provider();
  }

  /**
   * Holds back one run's expected cost. Throws a non-retryable {@code BudgetExhausted} naming the
   * budget, what it holds and the trawl.yaml key that raises it, when the day cannot cover it.
   */
  public BudgetStatus reserve(String runKey) {
    SpendLedger.Reservation reservation =
        ledger.reserve(entry(runKey), today(), pricing.dailyLimitUsd(), pricing.reservation());
    listener.budgetChanged(reservation.status());
    if (!reservation.granted()) {
      BudgetStatus status = reservation.status();
      throw Failures.budgetExhausted(
          "daily budget of "
              + status.scope()
              + " is exhausted: "
              + status.describe()
              + " ("
              + pricing.zone().getId()
              + ") is spent or held by runs in flight, and this run needs "
              + BudgetStatus.usd(pricing.reservation())
              + " ("
              + pricing.reserveRecords()
              + " records at "
              + BudgetStatus.usd(pricing.usdPer1kRecords())
              + " per 1,000); raise budgets."
              + pricing.provider()
              + ".daily_usd in trawl.yaml or wait for the next day");
    }
    log.info(
        "budget reserved scope={} run={} amount={} repeated={} now={}",
        reservation.status().scope(),
        runKey,
        pricing.reservation(),
        reservation.repeated(),
        reservation.status().describe());
    return reservation.status();
  }

  /** The run's paid call is leaving: from now on the provider may act on it and bill it. */
  public void markSent(String runKey) {
    ledger.attempts().markSent(entry(runKey));
  }

  /**
   * The provider answered the run's paid call with a refusal (a 429, a 5xx): nothing was bought.
   */
  public void markRefused(String runKey) {
    ledger.attempts().markRefused(entry(runKey));
  }

  /**
   * Whether an earlier attempt's paid call for this run left and its answer was never recorded (its
   * worker died in between); if so the entry is marked lost in flight, for the books and the chaos
   * report.
   */
  public boolean earlierCallLost(String runKey) {
    return ledger.attempts().markLostIfSent(entry(runKey));
  }

  /** The paid call did not happen (the provider refused it): the reservation goes back. */
  public void release(String runKey) {
    ledger
        .release(entry(runKey))
        .ifPresent(
            status -> {
              log.info(
                  "budget released scope={} run={} now={}",
                  status.scope(),
                  runKey,
                  status.describe());
              listener.budgetChanged(status);
            });
  }

  /** Replaces the run's reservation with what its {@code records} cost. */
  public BudgetStatus settle(String runKey, long records) {
    SpendLedger.Settlement settlement =
        ledger.settle(
            entry(runKey), today(), pricing.dailyLimitUsd(), records, pricing.costOf(records));
    BudgetStatus status = settlement.status();
    log.info(
        "budget settled scope={} run={} records={} cost={} now={}",
        status.scope(),
        runKey,
        records,
        pricing.costOf(records),
        status.describe());
    if (!settlement.repeated()) {
      listener.settled(pricing.provider(), mode, records, pricing.costOf(records));
    }
    listener.budgetChanged(status);
    return status;
  }

  /**
   * Closes the books of a run that ended without finishing: records that reached staging were
   * delivered and are billed, so they settle; with none, nothing was bought and the reservation
   * goes back. A run already settled or released is left alone.
   */
  public void closeUnfinished(String runKey, long deliveredRecords) {
    boolean held = ledger.state(entry(runKey)).filter("reserved"::equals).isPresent();
    if (!held) {
      return;
    }
    if (deliveredRecords > 0) {
      settle(runKey, deliveredRecords);
    } else {
      release(runKey);
    }
  }

  private SpendLedger.Entry entry(String runKey) {
    String scope = "sandbox".equals(mode) ? pricing.provider() + "-sandbox" : pricing.provider();
    return new SpendLedger.Entry(scope, pricing.provider(), mode, runKey);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(pricing.zone()));
  }
}
