package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityInterface;

/** Apify calls, on the rate-limited {@code trawl-provider-apify} queue. */
@ActivityInterface
public interface PharmacyCollectionActivities {
  /**
   * Starts the search's actor run after reserving its cost, and records the run id on the search's
   * row before returning; a retried or resumed start finds it and starts nothing (one paid actor
   * run per search). Throws {@code BudgetExhausted}, {@code ProviderRejected} (401/403/404) or a
   * retryable {@code ProviderRateLimited}/{@code ProviderUnavailable}.
   */
  ActorRunRef startActorRun(PharmacyRunRef run, PharmacySearch search, int maxPlaces);

  /** One {@code waitForFinish} long-poll of at most 60 s: the run's status at its end. */
  ActorRunStatus awaitActorRun(PharmacyRunRef run, PharmacySearch search, ActorRunRef actor);

  /**
   * Pages the run's dataset into staging (replacing the search's staged items, so a retry repeats
   * nothing), settles the reservation with the run's reported cost, and writes the query cache when
   * the run succeeded with places. Items of a FAILED, TIMED-OUT or ABORTED run are kept and the
   * search is marked partial.
   */
  SearchCollected stageItems(
      PharmacyRunRef run, PharmacySearch search, ActorRunRef actor, ActorRunStatus status);

  /** Aborts every actor run of this run that has not finished; returns how many it aborted. */
  int abortActorRuns(PharmacyRunRef run);
}
