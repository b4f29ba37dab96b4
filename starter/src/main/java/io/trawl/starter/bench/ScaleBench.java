package io.trawl.starter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale half of {@code trawl bench workflows}: runs {@link ScaleBenchMain} in a child JVM with
 * an explicit heap limit against a server this JVM holds, and reads back its figures.
 */
final class ScaleBench {
  /** The heap the child gets: the target itself, so finishing at all proves heap ≤ 1 GiB. */
  static final String MAX_HEAP = "1g";

  static final long MAX_HEAP_BYTES = 1L << 30;

  /**
   * One child's figures.
   *
   * @param threads "virtual" or "platform"
   * @param runs runs started
   * @param completed runs that completed
   * @param rampSeconds from the first start until every run had polled once
   * @param drainSeconds from the release until every run's result was read
   * @param liveHeap heap in use after a full GC while every run was polling
   * @param peakHeap the heap pools' peak use (garbage included)
   * @param rssPeak the child's VmHWM
   * @param threadsPolling live JVM threads while every run was polling (virtual threads excluded)
   * @param threadsPeak the most live JVM threads at any time
   */
  record Figures(
      String threads,
      int runs,
      int completed,
      double rampSeconds,
      double drainSeconds,
      long liveHeap,
      long peakHeap,
      long rssPeak,
      int threadsPolling,
      int threadsPeak) {}

  private ScaleBench() {}

  static Figures measure(String target, int runs, boolean virtual, int cache)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + MAX_HEAP,
            "-cp",
            System.getProperty("java.class.path"),
            ScaleBenchMain.class.getName(),
            target,
            Integer.toString(runs),
            virtual ? "virtual" : "platform",
            Integer.toString(cache));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, String> values = null;
    List<String> other = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("SCALE ")) {
          values = new HashMap<>();
          for (String pair : line.substring("SCALE ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        } else {
          other.add(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || values == null) {
      throw new IllegalStateException(
          "the -Xmx"
              + MAX_HEAP
              + " scale JVM exited "
              + exit
              + ": "
              + String.join(" | ", other.subList(Math.max(0, other.size() - 5), other.size())));
    }
    return new Figures(
        values.get("threads"),
        Integer.parseInt(values.get("runs")),
        Integer.parseInt(values.get("completed")),
        Double.parseDouble(values.get("ramp_s")),
        Double.parseDouble(values.get("drain_s")),
        Long.parseLong(values.get("live_heap")),
        Long.parseLong(values.get("peak_heap")),
        Long.parseLong(values.get("rss_peak")),
        Integer.parseInt(values.get("threads_polling")),
        Integer.parseInt(values.get("threads_peak")));
  }
}
