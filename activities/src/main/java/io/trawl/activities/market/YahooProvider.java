package io.trawl.activities.market;

import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooQuoteParser;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;

/**
 * Yahoo's chart over five daily bars: without {@code meta.previousClose} the previous close is the
 * second-to-last daily close (PROVIDERS.md §6), never {@code chartPreviousClose}.
 */
public final class YahooProvider implements QuoteProvider {
  private final YahooClient client;
  private final YahooQuoteParser parser;

  public YahooProvider(YahooClient client, YahooQuoteParser parser) {
    this.client = client;
    this.parser = parser;
  }

  @Override
  public Quote quote(MarketSymbol symbol) {
    return parser.parse(symbol, client.chart(symbol.yahoo(), "5d", "1d"));
  }

  @Override
  public boolean isSandbox() {
    return client.config().sandbox();
  }
}
