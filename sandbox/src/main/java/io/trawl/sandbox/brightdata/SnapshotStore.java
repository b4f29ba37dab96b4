package io.trawl.sandbox.brightdata;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Snapshots by id, for the life of the fake. */
final class SnapshotStore {
  private final Map<String, Snapshot> byId = new ConcurrentHashMap<>();
  // A random start keeps ids from two fakes (or two test runs) from colliding in one database.
  private final AtomicLong next = new AtomicLong(ThreadLocalRandom.current().nextLong());

  Snapshot create(SnapshotBatch batch) {
    String id = "s_" + Long.toString(Seeds.mix(next.getAndIncrement()) & Long.MAX_VALUE, 36);
    Snapshot snapshot = new Snapshot(id, batch);
    byId.put(id, snapshot);
    return snapshot;
  }

  Optional<Snapshot> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  int size() {
    return byId.size();
  }
}
