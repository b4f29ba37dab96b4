package io.trawl.activities.providers;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A circuit breaker in front of one provider, shared by every run on this worker: after repeated
 * 5xx answers, rate limits or broken connections it refuses calls for a while, so a provider in
 * trouble is not hammered by every run's retries (Bright Data blocks an IP after 25 429s in five
 * minutes).
 *
 * <p>A refused call is a retryable {@code BreakerOpen} failure whose next retry waits until the
 * breaker lets a trial call through; Temporal does the waiting, not a thread. Answers that say the
 * provider works (400, 401, 404, 202 "not ready") count as successes.
 */
public final class ProviderBreaker {
  /** Failure types that mean the provider itself is in trouble. */
  private static final Set<String> PROVIDER_TROUBLE =
      Set.of(Failures.PROVIDER_UNAVAILABLE, Failures.PROVIDER_RATE_LIMITED);

  /**
   * How the breaker trips.
   *
   * @param failureRatePercent share of failed calls in the window that opens the breaker
   * @param windowCalls the last this-many calls are counted
   * @param minimumCalls no verdict before this many calls
   * @param openFor how long an open breaker refuses calls before a trial
   */
  public record Settings(
      int failureRatePercent, int windowCalls, int minimumCalls, Duration openFor) {
    public static final Settings DEFAULTS = new Settings(50, 10, 5, Duration.ofSeconds(60));

    public Settings {
      if (failureRatePercent < 1 || failureRatePercent > 100) {
        throw new IllegalArgumentException(
            "failure_rate_percent must be 1..100, got " + failureRatePercent);
      }
      if (windowCalls < 1 || minimumCalls < 1) {
        throw new IllegalArgumentException("window_calls and minimum_calls must be 1 or more");
      }
      if (openFor.isNegative() || openFor.isZero()) {
        throw new IllegalArgumentException("open_for must be positive, got " + openFor);
      }
    }
  }

  private final String source;
  private final String displayName;
  private final CircuitBreaker breaker;
  private final Settings settings;

  public ProviderBreaker(String source, String displayName, Settings settings) {
    this.source = source;
    this.displayName = displayName;
    this.settings = settings;
    this.breaker =
        CircuitBreaker.of(
            source,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowCalls())
                .minimumNumberOfCalls(Math.min(settings.minimumCalls(), settings.windowCalls()))
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Without a call nobody would notice the wait is over; the state gauge would lie.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ProviderBreaker::isProviderTrouble)
                .build());
  }

  /** The name metrics and notifications use, e.g. {@code brightdata}. */
  public String source() {
    return source;
  }

  /** Runs {@code call} through the breaker; throws {@code BreakerOpen} when it is open. */
  public <T> T call(Supplier<T> call) {
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException refused) {
      Duration wait = settings.openFor();
      throw Failures.breakerOpen(
          displayName
              + " circuit breaker is open after "
              + breaker.getMetrics().getNumberOfFailedCalls()
              + " failed of the last "
              + breaker.getMetrics().getNumberOfBufferedCalls()
              + " calls; no call is made until a trial in at most "
              + wait.toSeconds()
              + " s",
          wait);
    }
  }

  public boolean isOpen() {
    CircuitBreaker.State state = breaker.getState();
    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
  }

  /** The state's name in lower case: closed, open, half_open, ... */
  public String state() {
    return breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Calls {@code listener} with the new state's name (see {@link #state()}) on every transition;
   * the listener runs on the thread that made the call.
   */
  public void onTransition(Consumer<String> listener) {
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.State to = event.getStateTransition().getToState();
              listener.accept(to.name().toLowerCase(java.util.Locale.ROOT));
            });
  }

  private static boolean isProviderTrouble(Throwable failure) {
    // The clients classify every HTTP and socket failure; anything else (a database error while
    // staging a download, say) is not the provider's fault.
    return failure instanceof ApplicationFailure app && PROVIDER_TROUBLE.contains(app.getType());
  }
}
