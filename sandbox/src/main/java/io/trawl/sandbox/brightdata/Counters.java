package io.trawl.sandbox.brightdata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the fake has served, for tests to assert on (and for {@code GET /__admin/stats}). */
final class Counters {
  static final String TRIGGER = "trigger";
  static final String PROGRESS = "progress";
  static final String SNAPSHOT = "snapshot";
  static final String CANCEL = "cancel";
  static final String ADMIN = "admin";
  static final List<String> ENDPOINTS = List.of(TRIGGER, PROGRESS, SNAPSHOT, CANCEL);

  private final AtomicLong triggersAccepted = new AtomicLong();
  private final AtomicLong triggersRefused = new AtomicLong();
  private final AtomicLong recordsDelivered = new AtomicLong();
  private final AtomicLong downloads = new AtomicLong();
  private final AtomicLong progressPolls = new AtomicLong();
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  void request(String endpoint) {
    requests.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
    if (PROGRESS.equals(endpoint)) {
      progressPolls.incrementAndGet();
    }
  }

  void triggerAccepted() {
    triggersAccepted.incrementAndGet();
  }

  void triggerRefused() {
    triggersRefused.incrementAndGet();
  }

  void recordDelivered() {
    recordsDelivered.incrementAndGet();
  }

  void download() {
    downloads.incrementAndGet();
  }

  long triggersAccepted() {
    return triggersAccepted.get();
  }

  long triggersRefused() {
    return triggersRefused.get();
  }

  long recordsDelivered() {
    return recordsDelivered.get();
  }

  long downloads() {
    return downloads.get();
  }

  long progressPolls() {
    return progressPolls.get();
  }

  /** A copy, with every provider endpoint present (0 when never called). */
  Map<String, Long> requests() {
    Map<String, Long> copy = new LinkedHashMap<>();
    for (String endpoint : ENDPOINTS) {
      copy.put(endpoint, 0L);
    }
    copy.put(ADMIN, 0L);
    requests.forEach((endpoint, count) -> copy.put(endpoint, count.get()));
    return copy;
  }

  void reset() {
    triggersAccepted.set(0);
    triggersRefused.set(0);
    recordsDelivered.set(0);
    downloads.set(0);
    progressPolls.set(0);
    requests.clear();
  }
}
