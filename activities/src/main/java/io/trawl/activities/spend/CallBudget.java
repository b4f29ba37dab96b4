package io.trawl.activities.spend;

import io.trawl.workflows.common.Failures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's daily budget for calls priced one by one (an Apify actor run, a Places lookup):
 * reserve the call's price before it is made, settle with what the provider reports, release when
 * the call never happened. An optional per-run cap is checked in the same transaction.
 *
 * <p>Sandbox calls keep their own scope ({@code <provider>-sandbox}) under the same limits.
 */
public final class CallBudget {
  private static final Logger log = LoggerFactory.getLogger(CallBudget.class);

  private final SpendLedger ledger;
  private final String provider;
  private final BigDecimal dailyLimitUsd;
  private final ZoneId zone;
  private final String mode;
  private final Clock clock;
  private final SpendListener listener;

  public CallBudget(
      SpendLedger ledger,
      String provider,
      BigDecimal dailyLimitUsd,
      ZoneId zone,
      boolean sandbox,
      Clock clock,
      SpendListener listener) {
    if (dailyLimitUsd.signum() < 0) {
      throw new IllegalArgumentException("daily budget of " + provider + " must not be negative");
    }
    this.ledger = ledger;
    this.provider = provider;
    this.dailyLimitUsd = dailyLimitUsd;
    this.zone = zone;
    this.mode = sandbox ? "sandbox" : "real";
    this.clock = clock;
    this.listener = listener;
  }

  public String provider() {
    return provider;
  }

  public String mode() {
    return mode;
  }

  /**
   * Holds back {@code amount} for the call {@code callKey}; a repeated key holds nothing more.
   * Throws a non-retryable {@code BudgetExhausted} naming the budget (or the run's cap), what it
   * holds and the setting that raises it.
   *
   * @param cap the run's cap, or null
   */
  public void reserve(String callKey, BigDecimal amount, SpendLedger.RunCap cap) {
    SpendLedger.Reservation reservation = hold(callKey, amount, cap);
    if (reservation.overRunCap()) {
      throw Failures.budgetExhausted(
          "the run's cost cap of "
              + BudgetStatus.usd(cap.capUsd())
              + " is reached: "
              + BudgetStatus.usd(reservation.runCommittedUsd())
              + " is spent or held by the run, and this "
              + provider
              + " call needs "
              + BudgetStatus.usd(amount)
              + "; raise --max-cost");
    }
    if (!reservation.granted()) {
      throw Failures.budgetExhausted(
          "daily budget of "
              + reservation.status().scope()
              + " is exhausted: "
              + reservation.status().describe()
              + " ("
              + zone.getId()
              + ") is spent or held, and this call needs "
              + BudgetStatus.usd(amount)
              + "; raise budgets."
              + provider
              + ".daily_usd in trawl.yaml or wait for the next day");
    }
    log.debug(
        "budget reserved scope={} call={} amount={}",
        reservation.status().scope(),
        callKey,
        amount);
  }

  /**
   * Asks the ledger to hold {@code amount} for the call {@code callKey} and tells the listener; a
   * first hold granted counts as a paid call. The answer says whether it was refused, and by what.
   *
   * @param cap the run's cap, or null
   */
  public SpendLedger.Reservation hold(String callKey, BigDecimal amount, SpendLedger.RunCap cap) {
    SpendLedger.Reservation reservation =
        ledger.reserve(entry(callKey), today(), dailyLimitUsd, amount, cap);
    listener.budgetChanged(reservation.status());
    if (reservation.granted() && !reservation.repeated()) {
      listener.paidCall(provider, mode);
    }
    return reservation;
  }

  /**
   * The ledger key of attempt {@code attempt} of the paid call whose attempts share {@code
   * callPrefix}. Earlier attempts still holding their reservation died during their call (a killed
   * worker, a timed-out attempt): those whose request had left ({@link #markSent}) may have been
   * billed and are booked as spent at the price they held; the others go back.
   */
  public String attemptKey(String callPrefix, int attempt) {
    String key = callPrefix + attempt;
    if (attempt > 1) {
      String scope = entry(key).scope();
      List<BigDecimal> booked = ledger.attempts().bookUnfinished(scope, callPrefix, key);
      if (!booked.isEmpty()) {
        BigDecimal cost = booked.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        log.warn(
            "{} call {} had {} unfinished attempt(s) before attempt {}: booked as spent ({})",
            provider,
            callPrefix,
            booked.size(),
            attempt,
            BudgetStatus.usd(cost));
        listener.settled(provider, mode, booked.size(), cost);
      }
    }
    return key;
  }

  /**
   * Settles, at {@code cost} each, earlier attempts under {@code callPrefix} whose answer was
   * stored at {@code answeredAt} after their request left, but which died before settling; true
   * when there was one.
   */
  public boolean settleAnswered(String callPrefix, Instant answeredAt, BigDecimal cost) {
    int settled = ledger.attempts().settleAnswered(callPrefix, answeredAt, cost);
    if (settled > 0) {
      listener.settled(provider, mode, settled, cost.multiply(BigDecimal.valueOf(settled)));
    }
    return settled > 0;
  }

  /** Notes, as the request of {@code callKey} starts to leave, that the provider may bill it. */
  public void markSent(String callKey) {
    ledger.attempts().markSent(entry(callKey));
  }

  /**
   * Whether an attempt of the paid call whose attempts share {@code callPrefix} was settled: the
   * call was made and paid for.
   */
  public boolean anyAttemptSettled(String callPrefix) {
    return ledger.attempts().anySettled(callPrefix);
  }

  /** Replaces the call's reservation with its actual cost. */
  public void settle(String callKey, long units, BigDecimal cost) {
    SpendLedger.Settlement settlement =
        ledger.settle(entry(callKey), today(), dailyLimitUsd, units, cost);
    if (!settlement.repeated()) {
      listener.settled(provider, mode, units, cost);
    }
    listener.budgetChanged(settlement.status());
  }

  /** The call was not made: its reservation goes back. */
  public void release(String callKey) {
    ledger.release(entry(callKey)).ifPresent(listener::budgetChanged);
  }

  private SpendLedger.Entry entry(String callKey) {
    String scope = "sandbox".equals(mode) ? provider + "-sandbox" : provider;
    return new SpendLedger.Entry(scope, provider, mode, callKey);
  }

  /** The budget's day now, in its zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }
}
