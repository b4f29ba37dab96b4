package io.trawl.activities.etl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a whole gzip stream or zip archive to prove it is intact: every gzip member's CRC-32 and
 * length trailer, a zip's central directory and every entry's CRC-32. Magic bytes alone would pass
 * a file cut off or bit-rotted in the middle.
 */
final class ArchiveChecks {
  private static final int BUFFER = 1 << 16;
  private static final long TICK_EVERY = 64L << 20;

  private ArchiveChecks() {}

  /** What is wrong with the gzip stream, or empty; {@code tick} runs every 64 MiB read. */
  static Optional<String> gzipProblem(Path file, Runnable tick) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), BUFFER)) {
      drain(in, tick);
      return Optional.empty();
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return Optional.of("is not an intact gzip stream (" + e.getMessage() + ")");
    }
  }

  /** What is wrong with the zip archive, or empty; {@code tick} runs every 64 MiB read. */
  static Optional<String> zipProblem(Path file, Runnable tick) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      int count = 0;
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        count++;
        if (entry.isDirectory()) {
          continue;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(entry)) {
          drain(in, crc, tick);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
          return Optional.of(
              "is not an intact zip archive (entry " + entry.getName() + " fails its CRC-32)");
        }
      }
      return count == 0 ? Optional.of("is a zip archive without entries") : Optional.empty();
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return Optional.of("is not an intact zip archive (" + e.getMessage() + ")");
    }
  }

  private static void drain(InputStream in, Runnable tick) throws IOException {
    drain(in, null, tick);
  }

  private static void drain(InputStream in, CRC32 crc, Runnable tick) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long sinceTick = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      if (crc != null) {
        crc.update(buffer, 0, n);
      }
      sinceTick += n;
      if (sinceTick >= TICK_EVERY) {
        tick.run();
        sinceTick = 0;
      }
    }
  }
}
