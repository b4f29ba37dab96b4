package io.trawl.sandbox.brightdata;

import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The armed {@link Faults} plus what is left of their count-based parts. Thread-safe: the HTTP
 * handlers run on many threads and each count must be consumed exactly once.
 */
final class FaultState {
  private volatile Faults current;
  private final AtomicInteger building = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger rateLimitedNoRetryAfter = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger htmlPages = new AtomicInteger();

  FaultState(Faults initial) {
    arm(initial);
  }

  synchronized void arm(Faults faults) {
    current = faults;
    building.set(faults.snapshotBuilding());
    rateLimited.set(faults.rateLimited());
    rateLimitedNoRetryAfter.set(faults.rateLimitedNoRetryAfter());
    serverErrors.set(faults.serverErrors());
    htmlPages.set(faults.htmlPages());
  }

  Faults current() {
    return current;
  }

  boolean takeBuilding() {
    return take(building);
  }

  boolean takeRateLimited() {
    return take(rateLimited);
  }

  boolean takeRateLimitedNoRetryAfter() {
    return take(rateLimitedNoRetryAfter);
  }

  /** Consumes one server error if the burst targets this endpoint (or any endpoint). */
  boolean takeServerError(String endpoint) {
    return hits(endpoint) && take(serverErrors);
  }

  boolean takeHtmlPage(String endpoint) {
    return hits(endpoint) && take(htmlPages);
  }

  private boolean hits(String endpoint) {
    String target = current.burstEndpoint();
    return target == null || target.equals(endpoint);
  }

  private static boolean take(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
