package io.trawl.workflows.jobs;

/**
 * What the {@code progress} query answers while a run is going.
 *
 * @param step the current step, e.g. "polling", "downloading", "ingesting", "completed"
 * @param status the provider's last status text
 * @param records records the provider reported so far
 * @param polls progress polls made
 * @param elapsedSeconds seconds since the workflow started
 */
public record ScrapeProgress(
    String step, String status, int records, int polls, long elapsedSeconds) {}
