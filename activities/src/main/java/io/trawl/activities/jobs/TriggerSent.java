package io.trawl.activities.jobs;

import io.trawl.activities.providers.RequestSent;
import io.trawl.activities.spend.RunBudget;

/**
 * Keeps a run's reservation told about its trigger request: sent once the request starts to leave
 * (Bright Data may start a paid collection from then on), and taken back when Bright Data refuses
 * it (a 429, a 5xx), so the retry of a refused trigger is not counted as a second collection.
 */
final class TriggerSent implements RequestSent {
  private final RunBudget budget;
  private final String runKey;

  TriggerSent(RunBudget budget, String runKey) {
    this.budget = budget;
    this.runKey = runKey;
  }

  @Override
  public void sending() {
    budget.markSent(runKey);
  }

  @Override
  public void answered(int status) {
    if (status < 200 || status > 299) {
      budget.markRefused(runKey);
    }
  }
}
