package io.trawl.worker.config;

/**
 * One configured (query, location) search of the jobs pipeline.
 *
 * @param query the keyword
 * @param location the location filter
 */
public record JobSearch(String query, String location) {}
