package io.trawl.activities.market;

import io.trawl.activities.market.store.TrackedSymbols;
import io.trawl.workflows.market.MarketStoreActivities;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tracked symbols and cache clean-up over the database. */
public final class MarketStoreActivitiesImpl implements MarketStoreActivities {
  private static final Logger log = LoggerFactory.getLogger(MarketStoreActivitiesImpl.class);

  private final TrackedSymbols tracked;
  private final QuoteCache cache;

  public MarketStoreActivitiesImpl(TrackedSymbols tracked, QuoteCache cache) {
    this.tracked = tracked;
    this.cache = cache;
  }

  @Override
  public List<String> trackedSymbols() {
    return tracked.list().stream().map(TrackedSymbols.TrackedSymbol::symbol).toList();
  }

  @Override
  public int deleteExpiredCache() {
    int deleted = cache.deleteExpired();
    log.info("market cache clean-up deleted={}", deleted);
    return deleted;
  }
}
