package io.trawl.sandbox.market;

/** Where a venue's day stands at an instant. */
public enum MarketPhase {
  /** Inside the session. */
  OPEN,
  /** Within 90 minutes before the open of a trading day. */
  PRE_MARKET,
  /** Within four hours after the close of a trading day. */
  POST_MARKET,
  /** Any other time, weekends included. */
  CLOSED
}
