package io.trawl.workflows.market;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The current market workflow code replays recorded histories (a collection of five symbols,
 * on-demand quotes served and refused, a cache clean-up): a change that would break running
 * workflows fails here, not in production.
 */
class MarketWorkflowReplayTest {
  /** Recorded before and after quotes were asked again in rounds after a worker died. */
  @ParameterizedTest
  @ValueSource(strings = {"market-collection.json", "market-collection-rounds.json"})
  void collectionReplaysItsRecordedHistories(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(file(history), MarketCollectionWorkflowImpl.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"market-quotes-cached.json", "market-quotes-unavailable.json"})
  void quotesReplayTheirRecordedHistories(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(file(history), MarketQuotesWorkflowImpl.class);
  }

  @Test
  void cacheCleanupReplaysItsRecordedHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        file("market-cache-cleanup.json"), MarketCacheCleanupWorkflowImpl.class);
  }

  private static File file(String name) throws URISyntaxException {
    return new File(
        Objects.requireNonNull(
                MarketWorkflowReplayTest.class.getResource("/histories/" + name), name)
            .toURI());
  }
}
