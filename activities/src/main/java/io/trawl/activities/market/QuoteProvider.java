package io.trawl.activities.market;

import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;

/**
 * One paid or free quote source behind the chain: a client and its parser. Failures are typed: a
 * {@link io.trawl.activities.providers.QuoteUnavailableException} for an answer without a quote, an
 * {@link io.temporal.failure.ApplicationFailure} of the {@code Failures} types for HTTP trouble.
 */
public interface QuoteProvider {
  /** Asks the source for {@code symbol}'s quote; one request. */
  Quote quote(MarketSymbol symbol);

  /**
   * Asks for {@code symbol}'s quote, keeping a paid request's id in {@code pending} so a retry can
   * read its answer; sources whose requests cannot be read again ignore it.
   */
  default Quote quote(MarketSymbol symbol, PendingRequest pending) {
    return quote(symbol);
  }

  /** True when the source is a local sandbox: its quotes are recorded as sandbox data. */
  boolean isSandbox();
}
