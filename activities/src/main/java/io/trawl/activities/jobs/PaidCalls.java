package io.trawl.activities.jobs;

import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.RunBudget;
import io.trawl.activities.spend.SpendListener;

/**
 * How the jobs pipeline guards the calls Bright Data bills for: a circuit breaker in front of every
 * call, a daily budget reserved before each trigger and settled with the records delivered, and a
 * listener that turns both into metrics and warnings.
 *
 * @param breaker shared by every run on the worker
 * @param budget null when nothing is accounted (tests and tools that build activities by hand)
 * @param listener hears about paid calls and budget changes
 */
public record PaidCalls(ProviderBreaker breaker, RunBudget budget, SpendListener listener) {
  /** A breaker with default settings, no budget, nobody listening. */
  public static PaidCalls unaccounted() {
    return new PaidCalls(
        new ProviderBreaker("brightdata", "Bright Data", ProviderBreaker.Settings.DEFAULTS),
        null,
        SpendListener.NONE);
  }

  /** The ledger's key of a run: one reservation and one settlement per scrape_runs row. */
  public static String runKey(long runId) {
    return "scrape_runs/" + runId;
  }
}
