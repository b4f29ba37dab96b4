package io.trawl.workflows.market;

import java.util.List;

/**
 * On-demand quotes: {@code ./trawl market quotes AAPL:US EURUSD:CUR [--fresh] [--source S]}.
 *
 * @param symbols Bloomberg or Yahoo forms; each is checked by the workflow, so one unknown symbol
 *     does not cost the others their quotes
 * @param fresh skip the cache
 * @param source {@code cache}, {@code bright_data} or {@code yahoo} to ask only that source; null
 *     for the configured chain
 */
public record MarketQuotesRequest(List<String> symbols, boolean fresh, String source) {
  /** More symbols than this belong in a collection, not one request. */
  public static final int MAX_SYMBOLS = 200;

  public MarketQuotesRequest {
    if (symbols == null || symbols.isEmpty()) {
      throw new IllegalArgumentException("give at least one symbol, e.g. AAPL:US");
    }
    if (symbols.size() > MAX_SYMBOLS) {
      throw new IllegalArgumentException(
          "at most " + MAX_SYMBOLS + " symbols per request, got " + symbols.size());
    }
    symbols = List.copyOf(symbols);
    source =
        source == null || source.isBlank() ? null : QuoteSource.fromWireName(source).wireName();
  }

  /** The forced source, or null for the chain. */
  public QuoteSource forcedSource() {
    return source == null ? null : QuoteSource.fromWireName(source);
  }
}
