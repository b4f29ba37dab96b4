package io.trawl.activities.market;

import io.trawl.activities.providers.unlocker.BloombergPageParser;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;

/** Bloomberg's quote page through Bright Data's Web Unlocker ({@code format: raw}, async). */
public final class BloombergProvider implements QuoteProvider {
  private final UnlockerClient client;
  private final BloombergPageParser parser;

  public BloombergProvider(UnlockerClient client, BloombergPageParser parser) {
    this.client = client;
    this.parser = parser;
  }

  @Override
  public Quote quote(MarketSymbol symbol) {
    return quote(symbol, PendingRequest.NONE);
  }

  /**
   * Submits the page request ({@code ?async=true}) unless an earlier attempt did, records its id,
   * then reads the page: a worker killed while the page is unlocked leaves the id, and the retry
   * reads the page it already paid for.
   */
  @Override
  public Quote quote(MarketSymbol symbol, PendingRequest pending) {
    String zone = client.config().zone();
    String url = symbol.bloombergQuoteUrl();
    String responseId =
        pending
            .responseId()
            .orElseGet(
                () -> {
                  String submitted = client.submit(zone, url, pending::sending);
                  pending.submitted(submitted);
                  return submitted;
                });
    return parser.parse(symbol, client.result(zone, url, responseId));
  }

  @Override
  public boolean isSandbox() {
    return client.isSandbox();
  }
}
