package io.trawl.sandbox.apify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What {@link FakeApify} has served, for tests to assert on. */
final class ApifyCounters {
  private final AtomicLong runsStarted = new AtomicLong();
  private final AtomicLong runsAborted = new AtomicLong();
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  void request(String endpoint) {
    requests.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
  }

  void runStarted() {
    runsStarted.incrementAndGet();
  }

  void runAborted() {
    runsAborted.incrementAndGet();
  }

  long runsStarted() {
    return runsStarted.get();
  }

  long runsAborted() {
    return runsAborted.get();
  }

  /** A copy with every endpoint present (0 when never called). */
  Map<String, Long> requests() {
    Map<String, Long> copy = new LinkedHashMap<>();
    FakeApify.ENDPOINTS.forEach(endpoint -> copy.put(endpoint, 0L));
    requests.forEach((endpoint, count) -> copy.put(endpoint, count.get()));
    return copy;
  }

  void reset() {
    runsStarted.set(0);
    runsAborted.set(0);
    requests.clear();
  }
}
