package io.trawl.sandbox.places;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Request arrival times over the last second, and the most seen in any one-second window: the
 * observation a rate-limit test asserts on. Thread-safe.
 */
final class RateWindow {
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final Deque<Long> recent = new ArrayDeque<>();
  private int max;

  /**
   * Records a request now; returns how many arrived in the second ending now, this one included.
   */
  synchronized int record() {
    long now = System.nanoTime();
    while (!recent.isEmpty() && now - recent.peekFirst() >= SECOND_NANOS) {
      recent.removeFirst();
    }
    recent.addLast(now);
    max = Math.max(max, recent.size());
    return recent.size();
  }

  /**
   * The most requests seen within any one second. Every window's count peaks at one of its
   * arrivals, so the counts taken at arrivals cover them all.
   */
  synchronized int max() {
    return max;
  }

  synchronized void reset() {
    recent.clear();
    max = 0;
  }
}
