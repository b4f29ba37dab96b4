package io.trawl.workflows.pharmacy;

/**
 * A search's Apify actor run, as recorded on its row before the start activity returned.
 *
 * @param reused true when a retried or resumed start found the run already recorded
 */
public record ActorRunRef(String apifyRunId, String datasetId, boolean reused) {}
