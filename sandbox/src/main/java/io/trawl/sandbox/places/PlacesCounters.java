package io.trawl.sandbox.places;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Requests {@link FakePlaces} has seen and billed, per SKU, and the busiest second. */
final class PlacesCounters {
  private final AtomicLong requests = new AtomicLong();
  private final Map<SkuTier, AtomicLong> billed = new EnumMap<>(SkuTier.class);
  private final AtomicInteger resourceExhausted = new AtomicInteger();
  private final RateWindow window = new RateWindow();

  PlacesCounters() {
    for (SkuTier tier : SkuTier.values()) {
      billed.put(tier, new AtomicLong());
    }
  }

  /** Counts a request; returns how many arrived within the last second. */
  int request() {
    requests.incrementAndGet();
    return window.record();
  }

  void bill(SkuTier tier) {
    billed.get(tier).incrementAndGet();
  }

  void armResourceExhausted(int times) {
    resourceExhausted.set(times);
  }

  boolean takeResourceExhausted() {
    return resourceExhausted.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  long requests() {
    return requests.get();
  }

  long billed(SkuTier tier) {
    return billed.get(tier).get();
  }

  int maxRequestsInAnySecond() {
    return window.max();
  }

  void reset() {
    requests.set(0);
    billed.values().forEach(count -> count.set(0));
    window.reset();
  }
}
