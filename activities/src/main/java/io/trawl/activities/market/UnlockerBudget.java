package io.trawl.activities.market;

import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.CallBudget;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily budget of Bright Data Unlocker requests ({@code brightdata-unlocker}, $5.50 by
 * default): each request reserves its price before it is made, settles when the page was delivered
 * (Bright Data bills delivered pages, not blocks or errors), and is released otherwise.
 *
 * <p>Days are calendar days in the budget's zone, so no midnight job resets it. Once the ledger
 * refuses a reservation, this worker skips the paid source for the rest of that day without asking
 * the ledger again, and says so in one warning, not one per symbol.
 */
public final class UnlockerBudget {
  /** The budget scope and provider name in the ledger. */
  public static final String PROVIDER = "brightdata-unlocker";

  private static final Logger log = LoggerFactory.getLogger(UnlockerBudget.class);

  // The ledger work (hold, settle, release, the listener's reports) is any paid call's.
  private final CallBudget budget;
  private final MarketCallRepository calls;
  private final BigDecimal dailyLimitUsd;
  private final ZoneId zone;
  private final boolean sandbox;
  private final AtomicReference<Refusal> refusal = new AtomicReference<>();

  private record Refusal(LocalDate day, String message) {}

  public UnlockerBudget(
      SpendLedger ledger,
      MarketCallRepository calls,
      BigDecimal dailyLimitUsd,
      ZoneId zone,
      boolean sandbox,
      Clock clock,
      SpendListener listener) {
    if (dailyLimitUsd.signum() < 0) {
      throw new IllegalArgumentException("the Unlocker's daily budget must not be negative");
    }
    this.budget = new CallBudget(ledger, PROVIDER, dailyLimitUsd, zone, sandbox, clock, listener);
    this.calls = calls;
    this.dailyLimitUsd = dailyLimitUsd;
    this.zone = zone;
    this.sandbox = sandbox;
  }

  /** The ledger scope: sandbox requests keep their own budget under the same limit. */
  public static String scope(boolean sandbox) {
    return sandbox ? PROVIDER + "-sandbox" : PROVIDER;
  }

  public String scope() {
    return scope(sandbox);
  }

  public BigDecimal dailyLimitUsd() {
    return dailyLimitUsd;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Today's refusal message when this worker was already refused today. */
  public Optional<String> refusedToday() {
    Refusal current = refusal.get();
    return current != null && current.day().equals(today())
        ? Optional.of(current.message())
        : Optional.empty();
  }

  /**
   * Holds back {@code amount} for the request {@code callKey}; empty when granted, else the
   * refusal's message naming usage, limit and spent.
   */
  public Optional<String> reserve(String callKey, BigDecimal amount) {
    Optional<String> earlier = refusedToday();
    if (earlier.isPresent()) {
      return earlier;
    }
    LocalDate day = today();
    SpendLedger.Reservation reservation = budget.hold(callKey, amount, null);
    if (reservation.granted()) {
      return Optional.empty();
    }
    String message = exhausted(reservation.status(), amount);
    Refusal first = new Refusal(day, message);
    Refusal previous = refusal.getAndSet(first);
    if (previous == null || !previous.day().equals(day)) {
      log.warn("market budget exhausted scope={} day={}: {}", scope(), day, message);
    }
    return Optional.of(message);
  }

  /** See {@link CallBudget#markSent}. */
  public void markSent(String callKey) {
    budget.markSent(callKey);
  }

  /** See {@link CallBudget#attemptKey}. */
  public String attemptKey(String callPrefix, int attempt) {
    return budget.attemptKey(callPrefix, attempt);
  }

  /** The page was delivered: the request costs {@code cost}. */
  public void settle(String callKey, BigDecimal cost) {
    budget.settle(callKey, 1, cost);
  }

  /** Nothing was billed (a block, an error): the reservation goes back. */
  public void release(String callKey) {
    budget.release(callKey);
  }

  private String exhausted(BudgetStatus status, BigDecimal amount) {
    long requests =
        calls.requestsSince(
            QuoteSource.BRIGHT_DATA.wireName(), status.day().atStartOfDay(zone).toInstant());
    return "daily budget "
        + status.scope()
        + " is exhausted on "
        + status.day()
        + " ("
        + zone.getId()
        + "): usage "
        + requests
        + " requests, limit "
        + usd(status.limitUsd())
        + ", spent "
        + usd(status.settledUsd())
        + (status.reservedUsd().signum() > 0 ? " (+" + usd(status.reservedUsd()) + " held)" : "")
        + "; a request needs "
        + usd(amount)
        + ". Free sources serve until the next day; raise budgets."
        + PROVIDER
        + ".daily_usd in trawl.yaml to pay for more";
  }

  private LocalDate today() {
    return budget.today();
  }

  private static String usd(BigDecimal amount) {
    return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
