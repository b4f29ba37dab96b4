package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityInterface;

/** The run row and the query cache: database bookkeeping on the pipeline's own queue. */
@ActivityInterface
public interface PharmacyRunActivities {
  /**
   * Opens the run's row, or reopens the latest failed, cancelled or partial run of the same search
   * so its completed stages are skipped. Idempotent by the Temporal run id. Records whether
   * collection calls Apify or its sandbox.
   */
  PharmacyRunRef openRun(PharmacyRunRequest request);

  /**
   * Looks the search up in the query cache and, on a hit, stages the cached places for the run: no
   * API call, no charge. An unreadable, wrong-shaped or empty entry is a miss (logged, and
   * rewritten by the collection that follows). Idempotent: staging is replaced per search.
   */
  CacheLookup lookupCache(PharmacyRunRef run, PharmacySearch search, boolean bypass);

  /** Records the collection stage once every search is staged; returns the items staged. */
  int recordCollection(PharmacyRunRef run);

  /**
   * Marks the run completed (or {@code partial} when verification stopped on the budget) with its
   * per-stage counts and cost. Idempotent: a finished row is returned as it is.
   */
  PharmacyRunResult finishRun(PharmacyRunRef run, boolean partial);

  /** Marks the run failed or cancelled with the error; a finished row is left alone. */
  void endRun(PharmacyRunRef run, String status, String error);
}
