package io.trawl.starter.bench;

import io.trawl.activities.etl.DataDirectory;
import io.trawl.activities.etl.EtlHttp;
import io.trawl.activities.etl.FileValidator;
import io.trawl.activities.etl.ResumableDownload;
import io.trawl.sandbox.files.FileContent;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The measured side of {@code trawl bench download}, run in its own JVM with {@code -Xmx64m}: the
 * ETL activities' download (stream, SHA-256, write, fsync), validation (length, magic bytes,
 * checksum) and atomic publish, on the bench file; and, as the limit, SHA-256 of the same bytes
 * from memory on this thread. Prints per run one {@code LIMIT seconds sha256} and one {@code RUN
 * seconds bytes sha256} line, then a {@code HEAP peak max} line.
 *
 * <p>Arguments: url, warm-up url, directory, expected sha256, runs, size in bytes, content seed.
 */
public final class DownloadBenchMain {
  private DownloadBenchMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String warmupUrl = args[1];
    DataDirectory data = new DataDirectory(Path.of(args[2]));
    String expectedSha = args[3];
    int runs = Integer.parseInt(args[4]);
    HeapPeak heap = HeapPeak.start();
    FileContent content =
        FileContent.synthetic(
            Long.parseLong(args[5]),
            Long.parseLong(args[6]),
            DownloadBenchCommand.PAR1,
            DownloadBenchCommand.PAR1);
    OkHttpClient http = EtlHttp.newClient();
    // A small file first, so the measured runs see compiled code, as a long-lived worker does.
    once(http, data, warmupUrl, null);
    FileContent.synthetic(DownloadBenchCommand.WARMUP_BYTES, 7, new byte[0], new byte[0]).sha256();
    for (int i = 0; i < runs; i++) {
      // The limit: the same bytes, already in memory, through the same digest, on one core.
      long hashStarted = System.nanoTime();
      String limitSha = content.sha256();
      System.out.println("LIMIT " + (System.nanoTime() - hashStarted) / 1e9 + " " + limitSha);
      System.out.println(
          "DISK " + writeAndForce(data.root().resolve("disk.bin"), content.length()));
      // Deleting the previous run's gigabyte frees its pages; that is cleanup, not download.
      Files.deleteIfExists(data.root().resolve("bench/bench.parquet"));
      long started = System.nanoTime();
      ResumableDownload.Result result = once(http, data, url, expectedSha);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.println("RUN " + seconds + " " + result.bytes() + " " + result.sha256());
    }
    System.out.println("HEAP " + heap.peak() + " " + Runtime.getRuntime().maxMemory());
  }

  /**
   * The disk's limit: as many bytes written from memory in the download's 1 MiB writes, then forced
   * to disk, as the download does. Returns the seconds it took; the file is deleted afterwards.
   */
  private static double writeAndForce(Path file, long length) throws IOException {
    byte[] block = FileContent.synthetic(1 << 20, 1, new byte[0], new byte[0]).toByteArray();
    Files.createDirectories(file.getParent());
    long started = System.nanoTime();
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long position = 0; position < length; ) {
        ByteBuffer bytes =
            ByteBuffer.wrap(block, 0, (int) Math.min(block.length, length - position));
        while (bytes.hasRemaining()) {
          position += channel.write(bytes, position);
        }
      }
      channel.force(true);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.delete(file);
    return seconds;
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
