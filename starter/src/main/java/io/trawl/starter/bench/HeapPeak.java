package io.trawl.starter.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap this JVM held at once: the heap in use just before each collection (the high-water
 * marks between collections), and now. Summing each pool's own peak instead would add peaks reached
 * at different times and report more than {@code -Xmx}.
 */
final class HeapPeak {
  private final AtomicLong peak = new AtomicLong();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener =
      (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
            notification.getType())) {
          record(
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                  .getGcInfo()
                  .getMemoryUsageBeforeGc());
        }
      };

  /** A result and the peak heap in bytes seen while it was computed. */
  record Measured<T>(T value, long peakBytes) {}

  /** Starts listening to this JVM's collections. */
  static HeapPeak start() {
    HeapPeak heap = new HeapPeak();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(heap.listener, null, null);
        heap.emitters.add(emitter);
      }
    }
    return heap;
  }

  /** Runs {@code work} after a collection and reports the most heap held while it ran. */
  static <T> Measured<T> during(Callable<T> work) throws Exception {
    System.gc();
    HeapPeak heap = start();
    try {
      T value = work.call();
      return new Measured<>(value, heap.peak());
    } finally {
      heap.stop();
    }
  }

  /** The peak so far, counting the heap in use now. */
  long peak() {
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Math.max(peak.get(), now);
  }

  /** Stops listening. */
  void stop() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // Already gone: nothing to stop.
      }
    }
    emitters.clear();
  }

  private void record(Map<String, MemoryUsage> beforeGc) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : beforeGc.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(used, Math::max);
  }
}
