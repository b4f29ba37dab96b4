package io.trawl.workflows.pharmacy;

/**
 * What one search put into staging.
 *
 * @param actorStatus the actor run's final status; null when the cache answered
 * @param partial true when the actor run ended FAILED, TIMED-OUT or ABORTED: its items are kept
 */
public record SearchCollected(
    PharmacySearch search, int items, boolean fromCache, String actorStatus, boolean partial) {}
