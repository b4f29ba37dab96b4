package io.trawl.starter.bench;

import io.trawl.starter.Json;
import io.trawl.worker.config.ByteSize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code trawl bench download} measured, printed as a table or as JSON, with the verdict on
 * its two targets: trawl at {@link #TARGET_OF_LIMIT} or more of the in-JVM SHA-256 rate, and a peak
 * heap of {@link #HEAP_LIMIT} bytes or less.
 *
 * @param bytes the file's size
 * @param runs runs per side; the best counts
 * @param limitSeconds SHA-256 of the same bytes from memory, one core, in the measured JVM
 * @param diskSeconds as many bytes written from memory and forced to disk, in that JVM
 * @param devNullSeconds {@code curl -s -o /dev/null}, or NaN when curl is missing
 * @param curlShaSeconds {@code curl -s URL | sha256sum}, or NaN when a tool is missing
 * @param trawlSeconds trawl's download, hash, validation and publish
 * @param peakHeap the measured JVM's peak heap in bytes
 * @param maxHeap that JVM's -Xmx
 */
record DownloadBenchReport(
    long bytes,
    int runs,
    double limitSeconds,
    double diskSeconds,
    double devNullSeconds,
    double curlShaSeconds,
    double trawlSeconds,
    long peakHeap,
    long maxHeap) {
  static final double TARGET_OF_LIMIT = 0.75;
  static final long HEAP_LIMIT = 64L << 20;
  private static final String SHA_LIMIT = "sha-256 from memory (limit, 1 core)";
  private static final String DISK_LIMIT = "write+fsync from memory (disk limit)";
  private static final String TRANSFER_LIMIT = "curl -s -o /dev/null URL (transfer)";

  /** One figure: what ran, how long the best run took, and its rate. */
  record Figure(String name, double seconds, double gbPerS) {}

  List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(figure(SHA_LIMIT, limitSeconds));
    figures.add(figure(DISK_LIMIT, diskSeconds));
    if (!Double.isNaN(devNullSeconds)) {
      figures.add(figure(TRANSFER_LIMIT, devNullSeconds));
    }
    if (!Double.isNaN(curlShaSeconds)) {
      figures.add(figure("curl -s URL | sha256sum (baseline)", curlShaSeconds));
    }
    figures.add(figure("trawl download+hash+validate+write", trawlSeconds));
    return figures;
  }

  /** Trawl's rate as a fraction of the in-JVM SHA-256 rate. */
  double ofLimit() {
    return limitSeconds / trawlSeconds;
  }

  /**
   * The slowest of the three limits trawl's download is made of (hashing, the durable write, the
   * loopback transfer): no pipeline of the three can beat it.
   */
  Figure bound() {
    Figure bound = null;
    for (Figure figure : figures()) {
      boolean limit =
          figure.name().equals(SHA_LIMIT)
              || figure.name().equals(DISK_LIMIT)
              || figure.name().equals(TRANSFER_LIMIT);
      if (limit && (bound == null || figure.seconds() > bound.seconds())) {
        bound = figure;
      }
    }
    return bound;
  }

  /** Trawl's rate over {@code curl | sha256sum}'s, or NaN without that baseline. */
  double overCurl() {
    return curlShaSeconds / trawlSeconds;
  }

  List<BenchTarget> targets() {
    return List.of(
        BenchTarget.atLeast("trawl over the sha-256 limit", ofLimit(), TARGET_OF_LIMIT, "x"),
        BenchTarget.atMost("peak heap", peakHeap, HEAP_LIMIT, "bytes"));
  }

  void printTable(PrintWriter out) {
    out.printf(Locale.ROOT, "  %-38s %8s %7s %8s%n", "", "seconds", "GB/s", "x limit");
    for (Figure figure : figures()) {
      out.printf(
          Locale.ROOT,
          "  %-38s %8.2f %7.2f %8.2f%n",
          figure.name(),
          figure.seconds(),
          figure.gbPerS(),
          limitSeconds / figure.seconds());
    }
    out.printf(
        Locale.ROOT,
        "  ratio: trawl = %.2fx the sha-256 limit (target >= %.2fx)%n",
        ofLimit(),
        TARGET_OF_LIMIT);
    out.printf(
        Locale.ROOT,
        "  bound: %s at %.2f GB/s; trawl = %.2fx that bound%n",
        bound().name(),
        bound().gbPerS(),
        bound().seconds() / trawlSeconds);
    if (!Double.isNaN(curlShaSeconds)) {
      out.printf(Locale.ROOT, "  ratio: trawl = %.2fx curl -s URL | sha256sum%n", overCurl());
    } else {
      out.println("  ratio: no curl | sha256sum baseline (curl, sha256sum or sh missing)");
    }
    out.printf(
        "  peak heap: %s of -Xmx%s (target <= 64 MiB)%n",
        ByteSize.format(peakHeap), ByteSize.format(maxHeap));
    BenchTarget.print(out, targets());
  }

  void printJson(PrintWriter out) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("bench", "download");
    json.put("bytes", bytes);
    json.put("runs", runs);
    json.put("figures", figures());
    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("trawl_over_sha256_limit", ofLimit());
    ratios.put("trawl_over_curl_sha256sum", Double.isNaN(overCurl()) ? null : overCurl());
    ratios.put("trawl_over_bound", bound().seconds() / trawlSeconds);
    json.put("bound", bound().name());
    json.put("ratios", ratios);
    json.put("peak_heap_bytes", peakHeap);
    json.put("max_heap_bytes", maxHeap);
    out.println(Json.write(BenchOutput.withTargets(json, targets())));
  }

  private Figure figure(String name, double seconds) {
    return new Figure(name, seconds, bytes / seconds / 1e9);
  }
}
