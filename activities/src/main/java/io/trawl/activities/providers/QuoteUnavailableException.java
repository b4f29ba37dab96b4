package io.trawl.activities.providers;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.QuoteSource;

/**
 * A quote source answered, but what it sent is not a quote for the symbol asked: the typed outcome
 * of every quote parser for anything short of a quote, so a bad page never escapes as some other
 * exception. The market chain counts it as a failed fetch of that source.
 */
public final class QuoteUnavailableException extends RuntimeException {
  /** Why there is no quote. */
  public enum Reason {
    /** The target served its bot check (Bloomberg's "Are you a robot?") instead of the page. */
    ROBOT_PAGE,
    /** The answer is not the expected page or chart, or it holds no quote. */
    NO_QUOTE,
    /** The embedded JSON could not be read. */
    MALFORMED,
    /** The quote is for another instrument than the one asked for. */
    SYMBOL_MISMATCH,
    /** A quote without a positive price or without its time. */
    NO_PRICE,
    /** The input is larger than any real page; it was not read. */
    TOO_LARGE
  }

  private final QuoteSource source;
  private final String symbol;
  private final Reason reason;

  public QuoteUnavailableException(
      QuoteSource source, String symbol, Reason reason, String detail) {
    super(describe(source, symbol, reason, detail));
    this.source = source;
    this.symbol = symbol;
    this.reason = reason;
  }

  public QuoteSource source() {
    return source;
  }

  public String symbol() {
    return symbol;
  }

  public Reason reason() {
    return reason;
  }

  /** The retryable {@code QuoteUnavailable} failure an activity throws for it. */
  public ApplicationFailure toFailure() {
    return Failures.quoteUnavailable(getMessage(), reason.name());
  }

  private static String describe(QuoteSource source, String symbol, Reason reason, String detail) {
    String what =
        switch (reason) {
          case ROBOT_PAGE -> "a robot check instead of the quote page";
          case NO_QUOTE -> "no quote";
          case MALFORMED -> "unreadable quote data";
          case SYMBOL_MISMATCH -> "a quote for another symbol";
          case NO_PRICE -> "a quote without a usable price or time";
          case TOO_LARGE -> "an answer too large to be a quote";
        };
    return source.wireName() + " gave " + what + " for " + symbol + ": " + detail;
  }
}
