package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.market.MarketCacheCleanupRequest;
import io.trawl.workflows.market.MarketCacheCleanupWorkflow;
import java.util.Set;

/** {@code market-cache-cleanup}: delete expired cached quotes; the original ran it hourly. */
final class MarketCacheCleanupKind implements ScheduledWorkflowKind {
  static final String NAME = "market-cache-cleanup";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "delete expired cached quotes (hourly); no args";
  }

  @Override
  public Class<?> workflowInterface() {
    return MarketCacheCleanupWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return MarketCacheCleanupWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(NAME, Set.of());
    return new MarketCacheCleanupRequest("schedule");
  }

  @Override
  public String workflowId(Object input) {
    return MarketCacheCleanupRequest.WORKFLOW_ID;
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return RunAttributes.atStart("market", null, null, "cache-cleanup");
  }

  @Override
  public String summary(Object input) {
    return ((MarketCacheCleanupRequest) input).summary();
  }
}
