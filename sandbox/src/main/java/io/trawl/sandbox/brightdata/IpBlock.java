package io.trawl.sandbox.brightdata;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bright Data's punishment for ignoring rate limits: 25 or more 429 answers to one IP within five
 * minutes block that IP until support lifts it (PROVIDERS.md). Every request is then refused.
 *
 * <p>Timed with the JVM's monotonic clock, not the fake's clock: the fake's clock may be fixed to
 * keep the job universe deterministic, while a burst of 429s happens in real time.
 */
final class IpBlock {
  static final int LIMIT = 25;
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final Deque<Long> recent429s = new ArrayDeque<>();
  private boolean blocked;

  /** Counts a 429 answer; the 25th inside the window blocks the IP. */
  synchronized void rateLimited() {
    long now = System.nanoTime();
    recent429s.addLast(now);
    while (now - recent429s.peekFirst() > WINDOW.toNanos()) {
      recent429s.removeFirst();
    }
    if (recent429s.size() >= LIMIT) {
      blocked = true;
    }
  }

  synchronized boolean blocked() {
    return blocked;
  }

  /** What support does: lifts the block and forgets the 429s. */
  synchronized void lift() {
    blocked = false;
    recent429s.clear();
  }
}
