package io.trawl.workflows.market;

/**
 * One symbol to quote through the source chain.
 *
 * @param symbol canonical Bloomberg form ({@code AAPL:US})
 * @param fresh skip the cache
 * @param source ask only this source; null runs the configured chain ({@code market.sources})
 * @param callId the paid call this lookup is a round of, shared by every round a workflow asks
 *     again after its worker died, so a later round finds what an earlier one paid for (a stored
 *     quote, an Unlocker page, held reservations); null makes each activity its own call
 * @param round which time the workflow asks for this call, from 1
 */
public record QuoteLookup(
    String symbol, boolean fresh, QuoteSource source, String callId, int round) {
  public QuoteLookup {
    symbol = MarketSymbol.parse(symbol).bloomberg();
    // Histories written before rounds existed carry no round.
    round = Math.max(1, round);
  }

  /** A lookup that is its own call. */
  public QuoteLookup(String symbol, boolean fresh, QuoteSource source) {
    this(symbol, fresh, source, null, 1);
  }

  /** This lookup as round {@code round} of the call {@code callId}. */
  public QuoteLookup asRound(String callId, int round) {
    return new QuoteLookup(symbol, fresh, source, callId, round);
  }
}
