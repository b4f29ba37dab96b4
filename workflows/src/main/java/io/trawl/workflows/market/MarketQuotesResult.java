package io.trawl.workflows.market;

import java.math.BigDecimal;
import java.util.List;

/** One line per symbol asked, in the order asked. */
public record MarketQuotesResult(List<SymbolQuote> quotes) {
  public MarketQuotesResult {
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
  }

  /** Symbols no source could quote. */
  public List<SymbolQuote> missing() {
    return quotes.stream().filter(q -> !q.quoted()).toList();
  }

  /** What the quotes cost together. */
  public BigDecimal costUsd() {
    return quotes.stream()
        .filter(SymbolQuote::quoted)
        .map(q -> q.quote().costUsd())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
