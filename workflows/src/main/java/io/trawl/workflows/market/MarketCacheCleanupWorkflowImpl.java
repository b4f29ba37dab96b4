package io.trawl.workflows.market;

import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.RunAttributes;
import org.slf4j.Logger;

/** Deletes expired cached quotes. */
public class MarketCacheCleanupWorkflowImpl implements MarketCacheCleanupWorkflow {
  private static final Logger log = Workflow.getLogger(MarketCacheCleanupWorkflowImpl.class);

  private final MarketStoreActivities store =
      Workflow.newActivityStub(MarketStoreActivities.class, MarketActivityOptions.BOOKKEEPING);

  @Override
  public int cleanup(MarketCacheCleanupRequest request) {
    int deleted = store.deleteExpiredCache(); // 1. one statement
    Workflow.setCurrentDetails(deleted + " expired cache rows deleted");
    RunAttributes.upsertStatus("completed");
    log.info("market cache clean-up deleted={}", deleted);
    return deleted;
  }
}
