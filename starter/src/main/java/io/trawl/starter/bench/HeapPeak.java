package io.trawl.starter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;

/** Peak heap while one piece of work runs: collected first, pool peaks reset, summed after. */
final class HeapPeak {
  private HeapPeak() {}

  /** A result and the peak heap in bytes seen while it was computed. */
  record Measured<T>(T value, long peakBytes) {}

  static <T> Measured<T> during(Callable<T> work) throws Exception {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    T value = work.call();
    // Pool peaks need not coincide, so their sum bounds the real peak from above.
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Measured<>(value, peak);
  }
}
