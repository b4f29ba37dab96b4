package io.trawl.activities.market;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.trawl.workflows.market.QuoteSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One quote source's circuit breaker on this worker, as the original crawler configured them: it
 * opens after {@code failures} failed calls in a row, refuses calls for {@code openFor}, then lets
 * one trial through; a successful trial closes it, a failed one opens it again.
 *
 * <p>Built on resilience4j: a count-based window of {@code failures} calls with a 100 % failure
 * threshold is exactly "N consecutive failures". The wait ends lazily, on the first call after it
 * (no timer thread), measured on the given clock, so tests move time instead of sleeping.
 */
public final class SourceBreaker {
  /**
   * When the breaker opens and for how long.
   *
   * @param failures failed calls in a row that open it
   * @param openFor how long it refuses calls before a trial
   */
  public record Settings(int failures, Duration openFor) {
    /** The original's Yahoo breaker: 5 failures, 60 s. */
    public static final Settings YAHOO = new Settings(5, Duration.ofSeconds(60));

    /** The original's Bright Data breaker: 3 failures, 120 s. */
    public static final Settings BRIGHT_DATA = new Settings(3, Duration.ofSeconds(120));

    public Settings {
      if (failures < 1 || failures > 1000) {
        throw new IllegalArgumentException("failures must be 1..1000, got " + failures);
      }
      if (openFor == null || openFor.isNegative() || openFor.isZero()) {
        throw new IllegalArgumentException("open_for must be positive, got " + openFor);
      }
    }
  }

  /** Hears every state change, on the thread whose call caused it. */
  @FunctionalInterface
  public interface TransitionListener {
    void changed(SourceBreaker breaker, String from, String to);
  }

  /** Where operators' reset requests are read from; shared by every worker (the database). */
  @FunctionalInterface
  public interface ResetRequests {
    /** The newest reset request's id for {@code source}; 0 when there is none. */
    long latest(QuoteSource source);
  }

  private final QuoteSource source;
  private final Settings settings;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final CopyOnWriteArrayList<TransitionListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Instant openedAt = Instant.EPOCH;
  private volatile ResetRequests resets;
  // The newest reset request already honoured; -1 until the first call reads the baseline.
  private long honouredReset = -1;

  public SourceBreaker(QuoteSource source, Settings settings, Clock clock) {
    this.source = source;
    this.settings = settings;
    this.clock = clock;
    this.breaker =
        CircuitBreaker.of(
            source.wireName(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failures())
                .minimumNumberOfCalls(settings.failures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              String from = name(event.getStateTransition().getFromState());
              String to = name(event.getStateTransition().getToState());
              if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
              }
              for (TransitionListener listener : listeners) {
                listener.changed(this, from, to);
              }
            });
  }

  public QuoteSource source() {
    return source;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Asks to make one call: false while the breaker is open (or its half-open trial is taken). An
   * open breaker whose wait is over turns half-open here and grants the trial.
   */
  public boolean tryAcquire() {
    honourResetRequests();
    if (isOpen() && untilHalfOpen().isZero()) {
      halfOpen();
    }
    return breaker.tryAcquirePermission();
  }

  /**
   * Honours reset requests from {@code resets} before each call: one newer than the last honoured
   * closes the breaker. The first call only takes the baseline (a new breaker is closed anyway).
   */
  public void readResetsFrom(ResetRequests requests) {
    this.resets = requests;
  }

  private void honourResetRequests() {
    ResetRequests requests = resets;
    if (requests == null) {
      return;
    }
    long latest = requests.latest(source);
    synchronized (this) {
      if (latest <= honouredReset) {
        return;
      }
      boolean first = honouredReset < 0;
      honouredReset = latest;
      if (first) {
        return;
      }
    }
    reset();
  }

  /** The wait is measured here, on {@link #clock}, so the state follows the same time. */
  private synchronized void halfOpen() {
    if (isOpen()) {
      breaker.transitionToHalfOpenState();
    }
  }

  /** The granted call worked. */
  public void success(Duration took) {
    breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The granted call failed in a way that says the source is in trouble. */
  public void failure(Duration took, Throwable cause) {
    breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, cause);
  }

  /** The granted call says nothing about the source's health (a refused token): not counted. */
  public void neutral() {
    breaker.releasePermission();
  }

  /** {@code closed}, {@code open} or {@code half_open}. */
  public String state() {
    return name(breaker.getState());
  }

  public boolean isOpen() {
    return breaker.getState() == CircuitBreaker.State.OPEN;
  }

  /** Time until an open breaker lets a trial through; zero when it is not open. */
  public Duration untilHalfOpen() {
    if (!isOpen()) {
      return Duration.ZERO;
    }
    Duration left = settings.openFor().minus(Duration.between(openedAt, clock.instant()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Failed calls in a row counted so far while closed. */
  public int failedCalls() {
    return breaker.getMetrics().getNumberOfFailedCalls();
  }

  public void onTransition(TransitionListener listener) {
    listeners.add(listener);
  }

  /** Closes the breaker and forgets its counts, as an operator's reset. */
  public void reset() {
    breaker.reset();
  }

  private static String name(CircuitBreaker.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
