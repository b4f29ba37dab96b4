package io.trawl.workflows.market;

import java.util.List;

/**
 * A quote and how the chain got it.
 *
 * @param quote the quote, never null (no quote is a {@code QuoteUnavailable} failure instead)
 * @param attempts each source consulted, in order, the last one the source that served it
 * @param budgetRefused the paid source was skipped because the day's budget is spent
 */
public record QuoteOutcome(Quote quote, List<SourceAttempt> attempts, boolean budgetRefused) {
  public QuoteOutcome {
    if (quote == null) {
      throw new IllegalArgumentException("a quote outcome needs its quote");
    }
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** True when the cache served it. */
  public boolean fromCache() {
    return quote.source() == QuoteSource.CACHE;
  }
}
