package io.trawl.sandbox.market;

import java.time.Instant;

/**
 * What a quote page or a chart says about one instrument at one instant: the last trade of the
 * current (or last) session and that session's figures.
 *
 * @param instrument the instrument
 * @param lastTrade when the last price printed: now during a session, the close after it
 * @param price the last price
 * @param previousClose the close of the session before
 * @param open the session's first price
 * @param dayHigh the session's high so far
 * @param dayLow the session's low so far
 * @param volume volume traded in the session so far (0 for instruments without volume)
 * @param phase open, pre-market, post-market or closed at the instant asked about
 */
public record Tick(
    Instrument instrument,
    Instant lastTrade,
    double price,
    double previousClose,
    double open,
    double dayHigh,
    double dayLow,
    long volume,
    MarketPhase phase) {

  public double change() {
    return price - previousClose;
  }

  public double changePercent() {
    return change() / previousClose * 100;
  }
}
