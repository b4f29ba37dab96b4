package io.trawl.workflows.market;

import java.util.List;

/**
 * One symbol's line of an on-demand quote request.
 *
 * @param symbol the symbol as asked, canonical when it parsed
 * @param quote the quote, or null when no source gave one
 * @param attempts what each source did
 * @param error why there is no quote (unknown symbol, every source failed); null with a quote
 */
public record SymbolQuote(String symbol, Quote quote, List<SourceAttempt> attempts, String error) {
  public SymbolQuote {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  public boolean quoted() {
    return quote != null;
  }
}
