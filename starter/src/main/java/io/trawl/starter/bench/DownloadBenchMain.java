package io.trawl.starter.bench;

import io.trawl.activities.etl.DataDirectory;
import io.trawl.activities.etl.EtlHttp;
import io.trawl.activities.etl.FileValidator;
import io.trawl.activities.etl.ResumableDownload;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The measured side of {@code trawl bench download}, run in its own JVM with {@code -Xmx64m}: the
 * ETL activities' download (stream, SHA-256, write, fsync), validation (length, magic bytes,
 * checksum) and atomic publish, on the bench file. Prints one {@code RUN seconds bytes sha256} line
 * per run and a {@code HEAP peak max} line.
 *
 * <p>Arguments: url, warm-up url, directory, expected sha256, runs.
 */
public final class DownloadBenchMain {
  private DownloadBenchMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String warmupUrl = args[1];
    DataDirectory data = new DataDirectory(Path.of(args[2]));
    String expectedSha = args[3];
    int runs = Integer.parseInt(args[4]);
    OkHttpClient http = EtlHttp.newClient();
    // A small file first, so the measured runs see compiled code, as a long-lived worker does.
    once(http, data, warmupUrl, null);
    for (int i = 0; i < runs; i++) {
      // Deleting the previous run's gigabyte frees its pages; that is cleanup, not download.
      Files.deleteIfExists(data.root().resolve("bench/bench.parquet"));
      long started = System.nanoTime();
      ResumableDownload.Result result = once(http, data, url, expectedSha);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.println("RUN " + seconds + " " + result.bytes() + " " + result.sha256());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("HEAP " + peak + " " + Runtime.getRuntime().maxMemory());
  }

  private static ResumableDownload.Result once(
      OkHttpClient http, DataDirectory data, String url, String expectedSha) throws Exception {
    EtlSource source =
        new EtlSource(
            "bench",
            url,
            EtlFormat.PARQUET,
            expectedSha,
            Long.MAX_VALUE,
            "bench/bench.parquet",
            Map.of());
    Path target = data.target(source);
    Path part = DataDirectory.partFile(target);
    Path staged = DataDirectory.stagedFile(target);
    ResumableDownload.Result result =
        new ResumableDownload(http)
            .run(
                new ResumableDownload.Spec(
                    source.id(), HttpUrl.get(url), Headers.of(), part, source.maxBytes(), null),
                null,
                checkpoint -> {});
    Files.move(part, staged, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DownloadRef download =
        new DownloadRef(
            false,
            staged.toString(),
            result.bytes(),
            result.sha256(),
            result.etag(),
            result.lastModified(),
            result.contentType(),
            result.declaredLength(),
            0,
            0);
    ProbeResult probe =
        new ProbeResult(
            200,
            result.etag(),
            result.lastModified(),
            result.declaredLength(),
            result.contentType(),
            false,
            0);
    new FileValidator().validate(source, probe, download, staged, () -> {});
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return result;
  }
}
