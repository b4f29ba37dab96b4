package io.trawl.workflows.market;

/**
 * What one source did for one quote: served it, failed, or was skipped and why.
 *
 * @param source the source consulted
 * @param outcome one of the constants below
 * @param reason one line for people, e.g. "gave a robot check instead of the quote page"; empty on
 *     success
 */
public record SourceAttempt(QuoteSource source, String outcome, String reason) {
  /** The source delivered the quote (for the cache: a hit). */
  public static final String SUCCESS = "success";

  /** The source was asked and gave no quote (an error, a robot page, a cache miss). */
  public static final String FAILURE = "failure";

  /** The source's circuit breaker is open: it was not asked. */
  public static final String BREAKER_OPEN = "breaker_open";

  /** The paid source was skipped: the day's budget refused the request. */
  public static final String BUDGET_REFUSED = "budget_refused";

  /** The source was left out: {@code fresh} skips the cache. */
  public static final String SKIPPED = "skipped";

  public SourceAttempt {
    if (source == null || outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("a source attempt needs its source and outcome");
    }
    reason = reason == null ? "" : reason;
  }

  /** e.g. {@code bright_data: breaker_open (circuit open, trial in 87 s)}. */
  public String describe() {
    return source.wireName() + ": " + outcome + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
