package io.trawl.workflows.pharmacy;

/**
 * A query cache lookup for one search: a hit has already been staged.
 *
 * @param reason why a lookup missed ("no entry", "expired", "unreadable entry", "empty list",
 *     "bypassed"), for the log
 */
public record CacheLookup(boolean hit, int items, String reason) {}
