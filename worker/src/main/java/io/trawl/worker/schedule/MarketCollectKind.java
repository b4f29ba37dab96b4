package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.MarketConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionWorkflow;
import java.time.Duration;
import java.util.Set;

/**
 * {@code market-collect}: a quote for every tracked symbol, every N minutes. As in the original, N
 * is 1 to 60 minutes (15 recommended, trawl.yaml's {@code market.collect_every}): more often spends
 * the budget on unchanged prices, less often serves stale ones.
 */
final class MarketCollectKind implements ScheduledWorkflowKind {
  static final String NAME = "market-collect";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "quote every tracked symbol (every 1m to 60m, 15m recommended); args [parallelism=8]";
  }

  @Override
  public Class<?> workflowInterface() {
    return MarketCollectionWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return MarketCollectionWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(NAME, Set.of("parallelism"));
    int parallelism = args.integer("parallelism", 1, MarketConfig.of(config).parallelism());
    return new MarketCollectionRequest(parallelism);
  }

  @Override
  public String checkTiming(ScheduleTiming timing) {
    if (timing instanceof ScheduleTiming.Every every) {
      Duration interval = every.interval();
      if (interval.compareTo(MarketConfig.MIN_INTERVAL) < 0
          || interval.compareTo(MarketConfig.MAX_INTERVAL) > 0) {
        return NAME
            + " runs every 1m to 60m (15m recommended), got "
            + DurationText.format(interval);
      }
    }
    return null;
  }

  @Override
  public String workflowId(Object input) {
    return MarketCollectionRequest.WORKFLOW_ID;
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return RunAttributes.atStart("market", null, null, "collect");
  }

  @Override
  public String summary(Object input) {
    return ((MarketCollectionRequest) input).summary();
  }
}
