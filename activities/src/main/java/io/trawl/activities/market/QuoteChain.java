package io.trawl.activities.market;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.activities.market.store.QuoteRepository;
import io.trawl.activities.market.store.UnlockerRequestRepository;
import io.trawl.activities.market.store.UnlockerRequestRepository.Submitted;
import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.unlocker.BloombergPageParser;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooQuoteParser;
import io.trawl.activities.spend.PaidCallAttempt;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteOutcome;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.market.SourceAttempt;
import io.trawl.workflows.market.SourceAttempts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quotes one symbol through the configured sources in order (by default cache → Bright Data →
 * Yahoo), as the original crawler's hybrid source did, without its bugs.
 *
 * <p>The cache costs nothing and is skipped by {@code fresh}. A provider is asked only while its
 * breaker is closed (or grants its half-open trial), and Bright Data only once the day's budget
 * granted the request's price. Every outcome is a {@code market_calls} row; a provider's quote is
 * stored in {@code quotes} and becomes the cached one.
 */
public final class QuoteChain {
  private static final Logger log = LoggerFactory.getLogger(QuoteChain.class);

  /** Failure types that say the provider is in trouble: they count toward its breaker. */
  private static final Set<String> TROUBLE =
      Set.of(
          Failures.PROVIDER_UNAVAILABLE,
          Failures.PROVIDER_RATE_LIMITED,
          Failures.QUOTE_UNAVAILABLE,
          Failures.PAID_ANSWER_LOST);

  /**
   * @param order the chain ({@code market.sources})
   * @param unlockerCostUsd what one delivered Unlocker page costs
   */
  public record Settings(List<QuoteSource> order, BigDecimal unlockerCostUsd) {
    public static final List<QuoteSource> DEFAULT_ORDER =
        List.of(QuoteSource.CACHE, QuoteSource.BRIGHT_DATA, QuoteSource.YAHOO);
    public static final BigDecimal DEFAULT_UNLOCKER_COST = new BigDecimal("0.0015");

    public Settings {
      if (order == null || order.isEmpty()) {
        throw new IllegalArgumentException("the source chain is empty");
      }
      if (Set.copyOf(order).size() != order.size()) {
        throw new IllegalArgumentException("a source appears twice in the chain: " + order);
      }
      order = List.copyOf(order);
      if (unlockerCostUsd == null || unlockerCostUsd.signum() < 0) {
        throw new IllegalArgumentException("the Unlocker's cost must be 0 or more");
      }
    }
  }

  private final Settings settings;
  private final QuoteCache cache;
  private final Map<QuoteSource, QuoteProvider> providers;
  private final Map<QuoteSource, SourceBreaker> breakers;
  private final UnlockerBudget budget;
  private final QuoteRepository quotes;
  private final UnlockerRequestRepository requests;
  private final MarketCallRepository calls;
  private final Clock clock;

  /**
   * The chain trawl runs: Bloomberg quote pages through the Web Unlocker and Yahoo's chart API,
   * each behind its own breaker, quotes stored in {@code quotes}. Workers, the market bench and
   * tests build it here so they exercise the same wiring.
   */
  public static QuoteChain overUnlockerAndYahoo(
      Settings settings,
      QuoteCache cache,
      UnlockerClient unlocker,
      YahooClient yahoo,
      SourceBreaker unlockerBreaker,
      SourceBreaker yahooBreaker,
      UnlockerBudget budget,
      DataSource dataSource,
      MarketCallRepository calls,
      Clock clock) {
    return new QuoteChain(
        settings,
        cache,
        Map.of(
            QuoteSource.BRIGHT_DATA,
            new BloombergProvider(
                unlocker, new BloombergPageParser(clock, settings.unlockerCostUsd())),
            QuoteSource.YAHOO,
            new YahooProvider(yahoo, new YahooQuoteParser(clock))),
        Map.of(QuoteSource.BRIGHT_DATA, unlockerBreaker, QuoteSource.YAHOO, yahooBreaker),
        budget,
        new QuoteRepository(dataSource),
        new UnlockerRequestRepository(dataSource),
        calls,
        clock);
  }

  public QuoteChain(
      Settings settings,
      QuoteCache cache,
      Map<QuoteSource, QuoteProvider> providers,
      Map<QuoteSource, SourceBreaker> breakers,
      UnlockerBudget budget,
      QuoteRepository quotes,
      UnlockerRequestRepository requests,
      MarketCallRepository calls,
      Clock clock) {
    this.settings = settings;
    this.cache = cache;
    this.providers = Map.copyOf(providers);
    this.breakers = Map.copyOf(breakers);
    this.budget = budget;
    this.quotes = quotes;
    this.requests = requests;
    this.calls = calls;
    this.clock = clock;
  }

  /** Every provider's breaker, for metrics and the transition log. */
  public Map<QuoteSource, SourceBreaker> breakers() {
    return breakers;
  }

  /** The quote of {@code lookup}'s symbol, or the failure {@code MarketQuoteActivities} names. */
  public QuoteOutcome fetch(QuoteLookup lookup) {
    return fetch(lookup, PaidCallAttempt.current().inCall(lookup.callId(), lookup.round()));
  }

  /** As {@link #fetch(QuoteLookup)}, as attempt {@code attempt} of its activity. */
  QuoteOutcome fetch(QuoteLookup lookup, PaidCallAttempt attempt) {
    MarketSymbol symbol = MarketSymbol.parse(lookup.symbol());
    if (attempt.isRetry()) {
      // An earlier attempt stored its quote and died before it could return it: no second fetch.
      Optional<Quote> stored = quotes.byFetchKey(attempt.callId());
      if (stored.isPresent()) {
        // Its page may still await settling, if the attempt died between storing and settling.
        String paidPrefix = callPrefix(stored.get().source(), symbol, attempt);
        requests
            .find(paidPrefix)
            .ifPresent(request -> finish(paidPrefix, request.ledgerKey(), stored.get().costUsd()));
        return new QuoteOutcome(
            stored.get(),
            List.of(
                new SourceAttempt(
                    stored.get().source(), SourceAttempt.SUCCESS, "stored by an earlier attempt")),
            false);
      }
    }
    List<QuoteSource> order = order(lookup);
    List<SourceAttempt> attempts = new ArrayList<>();
    List<Step.Failed> failures = new ArrayList<>();
    boolean budgetRefused = false;
    for (QuoteSource source : order) {
      Step step =
          source == QuoteSource.CACHE
              ? fromCache(symbol, lookup.fresh())
              : ask(source, symbol, attempt);
      attempts.add(step.attempt());
      if (step instanceof Step.Served served) {
        return new QuoteOutcome(served.quote(), attempts, budgetRefused);
      }
      Step.Failed failed = (Step.Failed) step;
      budgetRefused |= failed.attempt().outcome().equals(SourceAttempt.BUDGET_REFUSED);
      failures.add(failed);
    }
    throw noQuote(symbol, lookup, attempts, failures);
  }

  private List<QuoteSource> order(QuoteLookup lookup) {
    return lookup.source() != null ? List.of(lookup.source()) : settings.order();
  }

  /** What one source did: served a quote, or failed and how to retry it. */
  private sealed interface Step {
    SourceAttempt attempt();

    record Served(Quote quote, SourceAttempt attempt) implements Step {}

    /**
     * @param retryable a later attempt may succeed (trouble, an open breaker); false for a miss, a
     *     refusal or a final answer
     * @param retryAfter when a retry may succeed (a breaker's wait, a Retry-After), or null
     * @param cause what a forced single source fails with
     */
    record Failed(
        SourceAttempt attempt, boolean retryable, Duration retryAfter, ApplicationFailure cause)
        implements Step {}
  }

  private Step fromCache(MarketSymbol symbol, boolean fresh) {
    if (fresh) {
      return new Step.Failed(
          new SourceAttempt(QuoteSource.CACHE, SourceAttempt.SKIPPED, "fresh quote asked"),
          false,
          null,
          Failures.invalidInput("the cache cannot serve a fresh quote"));
    }
    Instant started = clock.instant();
    Optional<Quote> hit = cache.lookup(symbol.bloomberg());
    long ms = Duration.between(started, clock.instant()).toMillis();
    record(
        QuoteSource.CACHE,
        symbol,
        hit.isPresent() ? MarketCallRepository.HIT : MarketCallRepository.MISS,
        null,
        ms,
        BigDecimal.ZERO,
        false);
    if (hit.isPresent()) {
      return new Step.Served(
          hit.get(), new SourceAttempt(QuoteSource.CACHE, SourceAttempt.SUCCESS, ""));
    }
    String reason = "no quote fetched in the last " + cache.ttl().toMinutes() + " min";
    return new Step.Failed(
        new SourceAttempt(QuoteSource.CACHE, SourceAttempt.FAILURE, reason),
        false,
        null,
        Failures.notFound("cache has " + reason + " for " + symbol));
  }

  private Step ask(QuoteSource source, MarketSymbol symbol, PaidCallAttempt attempt) {
    QuoteProvider provider = providers.get(source);
    SourceBreaker breaker = breakers.get(source);
    if (provider == null || breaker == null) {
      return new Step.Failed(
          new SourceAttempt(source, SourceAttempt.FAILURE, "not configured on this worker"),
          false,
          null,
          Failures.invalidInput(source.wireName() + " is not configured on this worker"));
    }
    boolean paid = source == QuoteSource.BRIGHT_DATA;
    // One ledger entry per attempt of the activity; the attempts share the prefix.
    String callPrefix = callPrefix(source, symbol, attempt);
    // A page an earlier attempt asked for and never finished with: read it, it is paid for.
    Optional<UnlockerRequestRepository.Submitted> earlier =
        paid && attempt.inActivity() ? requests.find(callPrefix) : Optional.empty();
    if (paid && earlier.isEmpty()) {
      Optional<String> refused = budget.refusedToday();
      if (refused.isPresent()) {
        return budgetRefused(refused.get());
      }
    }
    if (!breaker.tryAcquire()) {
      // The earlier page will not be read now; the Unlocker has likely billed it all the same.
      earlier.ifPresent(
          request -> finish(callPrefix, request.ledgerKey(), settings.unlockerCostUsd()));
      record(
          source,
          symbol,
          MarketCallRepository.REJECTED_BY_BREAKER,
          null,
          0,
          BigDecimal.ZERO,
          provider.isSandbox());
      Duration wait = breaker.untilHalfOpen();
      String reason =
          "circuit breaker open after "
              + breaker.settings().failures()
              + " failures in a row; trial in "
              + Math.max(1, (wait.toMillis() + 999) / 1000)
              + " s";
      return new Step.Failed(
          new SourceAttempt(source, SourceAttempt.BREAKER_OPEN, reason),
          true,
          wait.isZero() ? null : wait,
          Failures.breakerOpen(source.wireName() + " " + reason, wait));
    }
    String callKey = callPrefix + attempt.attempt();
    if (earlier.isPresent()) {
      callKey = earlier.get().ledgerKey();
    } else if (paid) {
      Optional<String> refused;
      try {
        // Earlier attempts killed with their page in flight are booked as spent first.
        callKey = budget.attemptKey(callPrefix, attempt.attempt());
        refused = budget.reserve(callKey, settings.unlockerCostUsd());
      } catch (RuntimeException e) {
        // The ledger is unreachable: the permit goes back, or a half-open breaker would stick.
        breaker.neutral();
        throw e;
      }
      if (refused.isPresent()) {
        breaker.neutral();
        record(
            source,
            symbol,
            MarketCallRepository.BUDGET_REFUSED,
            Failures.BUDGET_EXHAUSTED,
            0,
            BigDecimal.ZERO,
            provider.isSandbox());
        return budgetRefused(refused.get());
      }
    }
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    PendingRequest pending =
        paid
            ? new StoredUnlockerRequest(
                requests,
                budget,
                callPrefix,
                callKey,
                attempt.inActivity(),
                earlier.map(Submitted::responseId))
            : PendingRequest.NONE;
    Quote quote;
    try {
      quote = provider.quote(symbol, pending);
    } catch (QuoteUnavailableException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
      breaker.failure(took, e);
      // The page came back with 200: Bright Data bills it unless it was the target's bot check.
      BigDecimal cost = BigDecimal.ZERO;
      if (paid && e.reason() != QuoteUnavailableException.Reason.ROBOT_PAGE) {
        cost = settings.unlockerCostUsd();
        finish(callPrefix, callKey, cost);
      } else if (paid) {
        release(callPrefix, callKey);
      }
      record(
          source,
          symbol,
          MarketCallRepository.FAILURE,
          e.reason().name(),
          took.toMillis(),
          cost,
          provider.isSandbox());
      log.info(
          "market source={} symbol={} outcome=failure reason={}",
          source.wireName(),
          symbol,
          e.reason());
      return new Step.Failed(
          new SourceAttempt(source, SourceAttempt.FAILURE, e.getMessage()),
          true,
          null,
          e.toFailure());
    } catch (ApplicationFailure e) {
      Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
      boolean trouble = TROUBLE.contains(e.getType());
      if (trouble) {
        breaker.failure(took, e);
      } else if (Failures.NOT_FOUND.equals(e.getType())) {
        // The source works; it just does not know the symbol.
        breaker.success(took);
      } else {
        breaker.neutral();
      }
      BigDecimal cost = BigDecimal.ZERO;
      if (paid && Failures.PAID_ANSWER_LOST.equals(e.getType())) {
        // Billed and not read (lost on the way, or unlocked but unreachable): booked as spent.
        cost = settings.unlockerCostUsd();
        finish(callPrefix, callKey, cost);
      } else if (paid) {
        release(callPrefix, callKey);
      }
      record(
          source,
          symbol,
          MarketCallRepository.FAILURE,
          e.getType(),
          took.toMillis(),
          cost,
          provider.isSandbox());
      log.info(
          "market source={} symbol={} outcome=failure type={}",
          source.wireName(),
          symbol,
          e.getType());
      return new Step.Failed(
          new SourceAttempt(source, SourceAttempt.FAILURE, e.getOriginalMessage()),
          !e.isNonRetryable(),
          e.getNextRetryDelay(),
          e);
    } catch (RuntimeException e) {
      // A client bug must not leave a paid reservation held or the breaker's permit taken.
      breaker.neutral();
      if (paid) {
        release(callPrefix, callKey);
      }
      throw e;
    }
    Duration took = Duration.between(started, clock.instant());
    long latency =
        Math.max(took.toMillis(), Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    breaker.success(Duration.ofMillis(latency));
    // The quote is stored before the page is settled: a retry after either finds the quote and
    // settles what is left (see fetch), so no kill between them makes the page be bought again.
    quotes.insert(quote, provider.isSandbox(), attempt.resultKey());
    if (paid) {
      finish(callPrefix, callKey, quote.costUsd());
    }
    record(
        source,
        symbol,
        MarketCallRepository.SUCCESS,
        null,
        latency,
        quote.costUsd(),
        provider.isSandbox());
    cache.store(quote);
    return new Step.Served(quote, new SourceAttempt(source, SourceAttempt.SUCCESS, ""));
  }

  /** The ledger key every attempt of one activity's call to {@code source} starts with. */
  private static String callPrefix(
      QuoteSource source, MarketSymbol symbol, PaidCallAttempt attempt) {
    return "market/" + source.wireName() + "/" + symbol + "/" + attempt.callId() + "#";
  }

  /** The paid request is settled at {@code cost}; a retry has nothing left to read. */
  private void finish(String callPrefix, String callKey, BigDecimal cost) {
    budget.settle(callKey, cost);
    requests.delete(callPrefix);
  }

  /** Nothing was billed: the reservation goes back; a retry has nothing left to read. */
  private void release(String callPrefix, String callKey) {
    budget.release(callKey);
    requests.delete(callPrefix);
  }

  private static Step budgetRefused(String message) {
    return new Step.Failed(
        new SourceAttempt(QuoteSource.BRIGHT_DATA, SourceAttempt.BUDGET_REFUSED, message),
        false,
        null,
        Failures.budgetExhausted(message));
  }

  private ApplicationFailure noQuote(
      MarketSymbol symbol,
      QuoteLookup lookup,
      List<SourceAttempt> attempts,
      List<Step.Failed> failures) {
    if (lookup.source() != null && failures.size() == 1) {
      // A forced source fails as that source failed: a refused token stays final, a 429 waits.
      return failures.get(0).cause();
    }
    boolean retryable = failures.stream().anyMatch(Step.Failed::retryable);
    // The first breaker to half-open decides when a retry can get through, whether it was open
    // before this call or opened during it; without an open breaker, a 429's Retry-After does.
    Duration retryAfter =
        order(lookup).stream()
            .map(breakers::get)
            .filter(b -> b != null && b.isOpen())
            .map(SourceBreaker::untilHalfOpen)
            .filter(d -> !d.isZero())
            .min(Duration::compareTo)
            .orElseGet(
                () ->
                    failures.stream()
                        .filter(Step.Failed::retryable)
                        .map(Step.Failed::retryAfter)
                        .filter(d -> d != null && !d.isNegative() && !d.isZero())
                        .min(Duration::compareTo)
                        .orElse(null));
    SourceAttempts detail = new SourceAttempts(symbol.bloomberg(), attempts);
    return Failures.quoteUnavailable(
        "no source could quote " + symbol + ": " + detail.describe(),
        retryAfter,
        retryable,
        detail);
  }

  private void record(
      QuoteSource source,
      MarketSymbol symbol,
      String outcome,
      String errorKind,
      long latencyMs,
      BigDecimal cost,
      boolean sandbox) {
    calls.record(
        source.wireName(),
        symbol.bloomberg(),
        outcome,
        errorKind,
        latencyMs,
        cost,
        sandbox,
        clock.instant());
  }
}
