package io.trawl.activities.market;

import io.trawl.workflows.market.MarketQuoteActivities;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteOutcome;

/** The quote chain as an activity; see {@link QuoteChain}. */
public final class MarketQuoteActivitiesImpl implements MarketQuoteActivities {
  private final QuoteChain chain;

  public MarketQuoteActivitiesImpl(QuoteChain chain) {
    this.chain = chain;
  }

  @Override
  public QuoteOutcome fetchQuote(QuoteLookup lookup) {
    return chain.fetch(lookup);
  }
}
