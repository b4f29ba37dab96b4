package io.trawl.sandbox.yahoo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The armed {@link YahooFaults} with what is left of their counts, the seeded random draws and the
 * burst window. Thread-safe: each count is consumed exactly once across handler threads.
 */
final class FaultDice {
  /** What a request gets instead of a chart. */
  enum Fault {
    NONE,
    RATE_LIMITED,
    OUTAGE,
    UNPROCESSABLE
  }

  private volatile YahooFaults current;
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger outagePages = new AtomicInteger();
  private final AtomicInteger unprocessable = new AtomicInteger();
  private final Deque<Long> recent = new ArrayDeque<>();
  private SplittableRandom random;

  FaultDice(YahooFaults initial) {
    arm(initial);
  }

  synchronized void arm(YahooFaults faults) {
    current = faults;
    rateLimited.set(faults.rateLimited());
    outagePages.set(faults.outagePages());
    unprocessable.set(faults.unprocessable());
    random = new SplittableRandom(faults.seed());
    recent.clear();
  }

  YahooFaults current() {
    return current;
  }

  /** True when this request is one too many inside the burst window (it still counts). */
  synchronized boolean overBurst(long nowNanos) {
    YahooFaults faults = current;
    if (faults.burstLimit() == 0) {
      return false;
    }
    long windowNanos = faults.burstWindowMillis() * 1_000_000;
    while (!recent.isEmpty() && nowNanos - recent.peekFirst() >= windowNanos) {
      recent.removeFirst();
    }
    recent.addLast(nowNanos);
    return recent.size() > faults.burstLimit();
  }

  /** Armed counts first, then the random draw. */
  Fault draw() {
    if (take(rateLimited)) {
      return Fault.RATE_LIMITED;
    }
    if (take(outagePages)) {
      return Fault.OUTAGE;
    }
    if (take(unprocessable)) {
      return Fault.UNPROCESSABLE;
    }
    synchronized (this) {
      double rate = current.faultRate();
      if (rate == 0) {
        return Fault.NONE;
      }
      double roll = random.nextDouble();
      if (roll >= rate) {
        return Fault.NONE;
      }
      return roll < rate / 2 ? Fault.RATE_LIMITED : Fault.OUTAGE;
    }
  }

  private static boolean take(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
