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

  /**
   * Real data files compress 3 to 20 times, repetitive logs rarely past 100; deflate tops out near
   * 1,030 (a file of zeros), and a zip with overlapping entries goes far beyond. Past this ratio
   * the archive is a decompression bomb, and reading on would only burn CPU and the activity's
   * timeout.
   */
  static final long MAX_RATIO = 200;

  /** Expansion up to this never counts against the ratio: a small, very regular file is fine. */
  static final long RATIO_FREE_BYTES = 100L << 20;

  /** No archive is read past this much expanded data, whatever its own size. */
  static final long MAX_EXPANDED_BYTES = 64L << 30;

  private ArchiveChecks() {}

  /** What is wrong with the gzip stream, or empty; {@code tick} runs every 64 MiB read. */
  static Optional<String> gzipProblem(Path file, Runnable tick) throws IOException {
    Expansion expansion = new Expansion(Files.size(file));
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), BUFFER)) {
      drain(in, null, expansion, tick);
      return Optional.empty();
    } catch (Bomb e) {
      return Optional.of("is not a gzip stream to unpack (" + e.getMessage() + ")");
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return Optional.of("is not an intact gzip stream (" + e.getMessage() + ")");
    }
  }

  /** What is wrong with the zip archive, or empty; {@code tick} runs every 64 MiB read. */
  static Optional<String> zipProblem(Path file, Runnable tick) throws IOException {
    Expansion expansion = new Expansion(Files.size(file));
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
          drain(in, crc, expansion, tick);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
          return Optional.of(
              "is not an intact zip archive (entry " + entry.getName() + " fails its CRC-32)");
        }
      }
      return count == 0 ? Optional.of("is a zip archive without entries") : Optional.empty();
    } catch (Bomb e) {
      return Optional.of("is not a zip archive to unpack (" + e.getMessage() + ")");
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return Optional.of("is not an intact zip archive (" + e.getMessage() + ")");
    }
  }

  /** The expanded bytes read so far against the limit a file of this size earns. */
  private static final class Expansion {
    private final long compressed;
    private final long limit;
    private long expanded;

    Expansion(long compressed) {
      this.compressed = compressed;
      long byRatio =
          compressed > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : compressed * MAX_RATIO;
      this.limit = Math.min(MAX_EXPANDED_BYTES, Math.max(RATIO_FREE_BYTES, byRatio));
    }

    void add(int n) throws Bomb {
      expanded += n;
      if (expanded > limit) {
        throw new Bomb(
            limit == MAX_EXPANDED_BYTES
                ? "it expands past " + MAX_EXPANDED_BYTES + " bytes"
                : "it expands past "
                    + limit
                    + " bytes from "
                    + compressed
                    + ", more than "
                    + MAX_RATIO
                    + " times its size: a decompression bomb");
      }
    }
  }

  /** Thrown mid-read once an archive outgrows its {@link Expansion} limit. */
  private static final class Bomb extends IOException {
    Bomb(String message) {
      super(message);
    }
  }

  private static void drain(InputStream in, CRC32 crc, Expansion expansion, Runnable tick)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long sinceTick = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      expansion.add(n);
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
