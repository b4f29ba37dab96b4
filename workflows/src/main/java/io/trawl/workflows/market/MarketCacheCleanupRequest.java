package io.trawl.workflows.market;

/**
 * One clean-up of expired cached quotes.
 *
 * @param trigger who asked: {@code schedule} or {@code manual}; only shown in the Web UI
 */
public record MarketCacheCleanupRequest(String trigger) {
  /** Workflow id of a manual clean-up; the schedule appends each action's time to it. */
  public static final String WORKFLOW_ID = "market-cache-cleanup";

  public MarketCacheCleanupRequest {
    trigger = trigger == null || trigger.isBlank() ? "manual" : trigger.strip();
  }

  public String summary() {
    return "market cache clean-up (" + trigger + ")";
  }
}
