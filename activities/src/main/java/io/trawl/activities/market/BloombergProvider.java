package io.trawl.activities.market;

import io.trawl.activities.providers.unlocker.BloombergPageParser;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;

/** Bloomberg's quote page through Bright Data's Web Unlocker ({@code format: raw}). */
public final class BloombergProvider implements QuoteProvider {
  private final UnlockerClient client;
  private final BloombergPageParser parser;

  public BloombergProvider(UnlockerClient client, BloombergPageParser parser) {
    this.client = client;
    this.parser = parser;
  }

  @Override
  public Quote quote(MarketSymbol symbol) {
    String page = client.fetch(client.config().zone(), symbol.bloombergQuoteUrl());
    return parser.parse(symbol, page);
  }

  @Override
  public boolean isSandbox() {
    return client.isSandbox();
  }
}
