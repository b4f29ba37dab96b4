package io.trawl.workflows.market;

/**
 * One symbol to quote through the source chain.
 *
 * @param symbol canonical Bloomberg form ({@code AAPL:US})
 * @param fresh skip the cache
 * @param source ask only this source; null runs the configured chain ({@code market.sources})
 */
public record QuoteLookup(String symbol, boolean fresh, QuoteSource source) {
  public QuoteLookup {
    symbol = MarketSymbol.parse(symbol).bloomberg();
  }
}
