package io.trawl.workflows.market;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import java.util.List;

/** Turns one quote activity's result or failure into a {@link SymbolQuote}, in workflow code. */
final class QuoteCalls {
  private QuoteCalls() {}

  /** Asks {@code activities} for {@code lookup}; a failure becomes a line with its reasons. */
  static SymbolQuote quote(MarketQuoteActivities activities, QuoteLookup lookup) {
    try {
      QuoteOutcome outcome = activities.fetchQuote(lookup);
      return new SymbolQuote(lookup.symbol(), outcome.quote(), outcome.attempts(), null);
    } catch (ActivityFailure e) {
      return new SymbolQuote(lookup.symbol(), null, attempts(e), Failures.describe(e));
    }
  }

  /** A budget refusal among the attempts of a line with or without a quote. */
  static boolean budgetRefused(SymbolQuote line) {
    return line.attempts().stream().anyMatch(a -> a.outcome().equals(SourceAttempt.BUDGET_REFUSED));
  }

  private static List<SourceAttempt> attempts(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure app
        && Failures.QUOTE_UNAVAILABLE.equals(app.getType())
        && app.getDetails().getSize() > 0) {
      try {
        SourceAttempts detail = app.getDetails().get(0, SourceAttempts.class);
        return detail == null ? List.of() : detail.attempts();
      } catch (RuntimeException e) {
        // A detail of another shape: the failure's message still says why.
        return List.of();
      }
    }
    return List.of();
  }
}
