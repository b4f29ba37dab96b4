package io.trawl.workflows.market;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import java.util.List;

/** Turns one quote activity's result or failure into a {@link SymbolQuote}, in workflow code. */
final class QuoteCalls {
  private QuoteCalls() {}

  /** Asks {@code activities} for {@code lookup}; a failure becomes a line with its reasons. */
  static SymbolQuote quote(MarketQuoteActivities activities, QuoteLookup lookup) {
    return ask(activities, lookup, null, 1);
  }

  /** The {@code Workflow.getVersion} change id of asking again after the worker died. */
  static final String ROUNDS_CHANGE_ID = "quote-rounds-outlast-crashes";

  /**
   * Times a collection asks for one symbol whose every attempt timed out. An attempt times out when
   * its worker died (or hung) under it, which says nothing about the providers, so a crash loop
   * must not use up the retries meant for provider trouble.
   */
  static final int CRASH_ROUNDS = 3;

  /**
   * As {@link #quote}, but when every attempt of the activity timed out the symbol is asked again
   * as the next round of the same paid call, up to {@link #CRASH_ROUNDS} rounds: a later round
   * reads the Unlocker page or the stored quote an earlier one paid for, and books or releases what
   * its dead attempts held. Provider failures end the line as before.
   */
  static SymbolQuote quoteOutlastingCrashes(MarketQuoteActivities activities, QuoteLookup lookup) {
    if (Workflow.getVersion(ROUNDS_CHANGE_ID, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return quote(activities, lookup);
    }
    String callId = Workflow.getInfo().getWorkflowId() + "/quote/" + lookup.symbol();
    return ask(activities, lookup, callId, CRASH_ROUNDS);
  }

  /**
   * Asks for {@code lookup} in up to {@code rounds} rounds of the call {@code callId} (null: the
   * lookup as it is, its activity its own call); a round follows only when every attempt of the one
   * before timed out. A failure becomes a line with its reasons.
   */
  private static SymbolQuote ask(
      MarketQuoteActivities activities, QuoteLookup lookup, String callId, int rounds) {
    for (int round = 1; ; round++) {
      try {
        QuoteOutcome outcome =
            activities.fetchQuote(callId == null ? lookup : lookup.asRound(callId, round));
        return new SymbolQuote(lookup.symbol(), outcome.quote(), outcome.attempts(), null);
      } catch (ActivityFailure e) {
        if (round < rounds && e.getCause() instanceof TimeoutFailure) {
          Workflow.getLogger(QuoteCalls.class)
              .warn(
                  "quote of {} timed out in round {} (its worker died or hung): asking again",
                  lookup.symbol(),
                  round);
          continue;
        }
        return new SymbolQuote(lookup.symbol(), null, attempts(e), Failures.describe(e));
      }
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
