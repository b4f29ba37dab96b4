package io.trawl.workflows.jobs.lifecycle;

/**
 * Jobs of one search the lifecycle run marked inactive.
 *
 * @param query the search the jobs were last seen under
 * @param location its location
 * @param jobs how many were marked (or, in a dry run, would be)
 */
public record RetiredGroup(String query, String location, int jobs) {}
