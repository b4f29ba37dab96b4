package io.trawl.activities.etl;

import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation gate: may this downloaded file be used? Checks run cheapest first and the first
 * failure wins; its {@link Failure#check()} names it for the quarantine record.
 */
public final class FileValidator {
  private static final int HEAD = 64 << 10;
  private static final int TAIL = 8;

  /** A refused file: which check and why. */
  public static final class Failure extends Exception {
    private final String check;

    Failure(String check, String message) {
      super(message);
      this.check = check;
    }

    public String check() {
      return check;
    }
  }

  /**
   * @param tick called now and then during long archive scans (the activity heartbeats)
   * @return the checks the file passed
   * @throws Failure naming the failed check: empty, truncated, html-page, magic, checksum,
   *     gzip-stream or zip-archive
   */
  public List<String> validate(
      EtlSource source, ProbeResult probe, DownloadRef download, Path file, Runnable tick)
      throws Failure, IOException {
    // Named by its target: the staged file's hidden name means nothing to the reader.
    String prefix = "etl source \"" + source.id() + "\": " + source.target() + " ";
    List<String> passed = new ArrayList<>();
    long size = Files.size(file);
    if (size == 0) {
      throw new Failure("empty", prefix + "is empty (0 bytes)");
    }
    passed.add("not-empty");
    Optional<String> truncation = truncation(probe, download, size);
    if (truncation.isPresent()) {
      throw new Failure("truncated", prefix + "is truncated: " + truncation.get());
    }
    passed.add("length");
    byte[] head = read(file, 0, (int) Math.min(HEAD, size));
    byte[] tail = read(file, Math.max(0, size - TAIL), (int) Math.min(TAIL, size));
    if (source.format() != EtlFormat.ANY && TextSniffer.isHtml(head)) {
      throw new Failure(
          "html-page",
          prefix
              + "is an HTML page (\""
              + TextSniffer.preview(head)
              + "\"), not "
              + source.format().configName()
              + "; the server answered "
              + probe.status()
              + " with an error page");
    }
    passed.add("not-html");
    Optional<String> magic = MagicBytes.problem(source.format(), head, tail);
    if (magic.isPresent()) {
      throw new Failure("magic", prefix + magic.get());
    }
    passed.add("magic");
    if (source.sha256() != null) {
      if (!source.sha256().equals(download.sha256())) {
        throw new Failure(
            "checksum",
            "etl source \""
                + source.id()
                + "\": checksum mismatch in "
                + source.target()
                + " (expected "
                + abbreviate(source.sha256())
                + ", got "
                + abbreviate(download.sha256())
                + ")");
      }
      passed.add("checksum");
    }
    Optional<String> archive = archiveProblem(source.format(), file, tick);
    if (archive.isPresent()) {
      throw new Failure(
          source.format() == EtlFormat.GZIP ? "gzip-stream" : "zip-archive",
          prefix + archive.get());
    }
    if (source.format() == EtlFormat.GZIP || source.format() == EtlFormat.ZIP) {
      passed.add(source.format() == EtlFormat.GZIP ? "gzip-stream" : "zip-archive");
    }
    return passed;
  }

  /**
   * A body shorter than the server said: either the download's own announced length, or the probe's
   * when the probe saw the same entity (a changed ETag means the file legitimately changed size in
   * between).
   */
  private static Optional<String> truncation(ProbeResult probe, DownloadRef download, long size) {
    if (download.declaredLength() >= 0 && download.declaredLength() != size) {
      return Optional.of(
          "the download announced " + download.declaredLength() + " bytes, the file has " + size);
    }
    boolean sameEntity =
        probe.etag() == null || download.etag() == null || probe.etag().equals(download.etag());
    if (probe.lengthKnown() && sameEntity && probe.contentLength() != size) {
      return Optional.of(
          "the server announced " + probe.contentLength() + " bytes, " + size + " arrived");
    }
    return Optional.empty();
  }

  private static Optional<String> archiveProblem(EtlFormat format, Path file, Runnable tick)
      throws IOException {
    return switch (format) {
      case GZIP -> ArchiveChecks.gzipProblem(file, tick);
      case ZIP -> ArchiveChecks.zipProblem(file, tick);
      default -> Optional.empty();
    };
  }

  private static byte[] read(Path file, long from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
        // Keep reading: a single read may return less than asked.
      }
    }
    return java.util.Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static String abbreviate(String sha256) {
    return sha256 == null ? "(none)" : sha256.substring(0, 12) + "…";
  }
}
