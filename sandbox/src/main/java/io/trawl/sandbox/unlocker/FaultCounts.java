package io.trawl.sandbox.unlocker;

import java.util.concurrent.atomic.AtomicInteger;

/** The armed {@link UnlockerFaults} and what is left of their counts; thread-safe. */
final class FaultCounts {
  private volatile UnlockerFaults current;
  private final AtomicInteger robotPages = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger rateLimitedNoRetryAfter = new AtomicInteger();
  private final AtomicInteger zoneLimit = new AtomicInteger();
  private final AtomicInteger htmlErrorPages = new AtomicInteger();
  private final AtomicInteger targetErrorPages = new AtomicInteger();

  FaultCounts(UnlockerFaults initial) {
    arm(initial);
  }

  synchronized void arm(UnlockerFaults faults) {
    current = faults;
    robotPages.set(faults.robotPages());
    rateLimited.set(faults.rateLimited());
    rateLimitedNoRetryAfter.set(faults.rateLimitedNoRetryAfter());
    zoneLimit.set(faults.zoneLimit());
    htmlErrorPages.set(faults.htmlErrorPages());
    targetErrorPages.set(faults.targetErrorPages());
  }

  UnlockerFaults current() {
    return current;
  }

  boolean takeRobotPage() {
    return current.alwaysRobot() || take(robotPages);
  }

  boolean takeRateLimited() {
    return take(rateLimited);
  }

  boolean takeRateLimitedNoRetryAfter() {
    return take(rateLimitedNoRetryAfter);
  }

  boolean takeZoneLimit() {
    return take(zoneLimit);
  }

  boolean takeHtmlErrorPage() {
    return take(htmlErrorPages);
  }

  boolean takeTargetErrorPage() {
    return take(targetErrorPages);
  }

  private static boolean take(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
