package io.trawl.worker.schedule;

/**
 * What {@code trawl schedule trigger} achieved.
 *
 * @param started true when a run started
 * @param workflowId the run started, or the run still going that made the overlap policy skip it;
 *     null when the server had not reported either before the wait ended
 * @param message one line for the user
 */
public record TriggerOutcome(boolean started, String workflowId, String message) {}
