package io.trawl.workflows.market;

import io.temporal.activity.ActivityInterface;

/** The quote chain: cache, then Bright Data's Bloomberg page, then Yahoo (configurable order). */
@ActivityInterface
public interface MarketQuoteActivities {
  /**
   * Quotes one symbol: the cache unless {@code fresh}, then each provider whose circuit breaker is
   * closed, Bright Data only when the day's budget grants the request's reservation. Stores a
   * provider's quote in {@code quotes} and the cache; records every source's outcome in {@code
   * market_calls}. Repeating it makes new provider requests (a quote is a reading, not a record to
   * create once), each paid one reserved before it is made.
   *
   * <p>Throws a retryable {@code QuoteUnavailable} whose next retry waits until the first open
   * breaker lets a trial through (or a 429's Retry-After) when every source is open or failed; a
   * non-retryable {@code QuoteUnavailable} when every source answered for good (unknown symbol,
   * rejected credentials); with a forced source, that source's own failure ({@code
   * ProviderRejected} naming the variable to check for a Bright Data 401/403, {@code
   * BudgetExhausted}, {@code BreakerOpen}). The failure's first detail is {@link SourceAttempts}.
   */
  QuoteOutcome fetchQuote(QuoteLookup lookup);
}
