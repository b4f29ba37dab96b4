package io.trawl.sandbox.market;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a market sandbox has served: requests in total and per symbol, and the answers that
 * delivered a quote (for the Unlocker, the billed ones). Tests compare these with what trawl
 * recorded.
 */
public final class RequestCounters {
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final Map<String, AtomicLong> bySymbol = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

  /** One request, for {@code symbol} when the path named one (else null). */
  public void request(String symbol) {
    total.incrementAndGet();
    if (symbol != null) {
      bySymbol.computeIfAbsent(symbol, s -> new AtomicLong()).incrementAndGet();
    }
  }

  public void answered(int status) {
    byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
  }

  public void deliver() {
    delivered.incrementAndGet();
  }

  public long total() {
    return total.get();
  }

  public long delivered() {
    return delivered.get();
  }

  public long forSymbol(String symbol) {
    AtomicLong count = bySymbol.get(symbol);
    return count == null ? 0 : count.get();
  }

  /** A sorted copy of the per-symbol counts. */
  public Map<String, Long> bySymbol() {
    Map<String, Long> copy = new TreeMap<>();
    bySymbol.forEach((symbol, count) -> copy.put(symbol, count.get()));
    return copy;
  }

  /** A sorted copy of the counts per HTTP status answered. */
  public Map<Integer, Long> byStatus() {
    Map<Integer, Long> copy = new TreeMap<>();
    byStatus.forEach((status, count) -> copy.put(status, count.get()));
    return copy;
  }

  public void reset() {
    total.set(0);
    delivered.set(0);
    bySymbol.clear();
    byStatus.clear();
  }
}
