package io.trawl.workflows.market;

import java.util.Locale;

/** Whether the instrument's market was trading when the quote was taken. */
public enum MarketStatus {
  OPEN,
  CLOSED,
  PRE_MARKET,
  POST_MARKET,
  HALTED,
  UNKNOWN;

  /** The lower-case name stored and printed ({@code pre_market}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
