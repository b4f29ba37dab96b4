package io.trawl.workflows.market;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The market pipeline's bookkeeping: tracked symbols and the cache. */
@ActivityInterface
public interface MarketStoreActivities {
  /** Every tracked symbol, canonical form, sorted. Read-only. */
  List<String> trackedSymbols();

  /** Deletes cached quotes past their expiry; returns how many. Repeating it deletes nothing. */
  int deleteExpiredCache();
}
