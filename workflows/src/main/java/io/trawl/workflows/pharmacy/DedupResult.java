package io.trawl.workflows.pharmacy;

/**
 * Stage 2's counts.
 *
 * @param collected items staged by every search
 * @param unique places after dedup
 * @param malformed items that could not be a place (no title), kept out and counted
 */
public record DedupResult(int collected, int unique, int malformed) {}
