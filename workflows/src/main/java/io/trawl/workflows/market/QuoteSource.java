package io.trawl.workflows.market;

import java.util.Locale;

/** Where a quote came from; the names are those of {@code market.sources} in {@code trawl.yaml}. */
public enum QuoteSource {
  /** The last stored quote, still inside its time to live; costs nothing. */
  CACHE,
  /** Bloomberg's quote page fetched through Bright Data's Web Unlocker; paid per request. */
  BRIGHT_DATA,
  /** Yahoo Finance's chart endpoint; free. */
  YAHOO;

  /** {@code cache}, {@code bright_data} or {@code yahoo}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source named {@code text} in any case; an unknown name names the allowed ones. */
  public static QuoteSource fromWireName(String text) {
    for (QuoteSource value : values()) {
      if (value.wireName().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown quote source \"" + text + "\"; expected one of cache, bright_data, yahoo");
  }
}
