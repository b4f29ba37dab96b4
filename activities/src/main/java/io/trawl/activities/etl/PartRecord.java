package io.trawl.activities.etl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * What is kept beside a partial file: the remote entity its bytes belong to and how many of them
 * are known to be on disk, so an attempt on the same machine resumes from the bytes in the file
 * instead of from the last heartbeat the server received (the SDK forwards one at most every ~8 s,
 * so that offset lags the file by seconds of transfer).
 *
 * <p>A killed process leaves every byte it wrote in the page cache, so on the same boot the whole
 * file counts. After a reboot only the bytes fsynced before it are trusted: a file's length can
 * reach the disk before its data does, and the tail would then be zeros that a resume would keep.
 *
 * @param url SHA-256 of the URL the bytes came from (a digest: a URL may carry a token)
 * @param etag the entity's ETag, or null
 * @param lastModified its Last-Modified, or null
 * @param totalLength its full length, or -1
 * @param bootId the kernel's boot id when the record was written, or null where there is none
 * @param synced bytes of the partial file fsynced so far
 */
record PartRecord(
    String url, String etag, String lastModified, long totalLength, String bootId, long synced) {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  /** The record's file beside {@code part}. */
  static Path pathOf(Path part) {
    return part.resolveSibling(part.getFileName() + ".entity");
  }

  /** The record beside {@code part}, or empty when there is none or it cannot be read. */
  static Optional<PartRecord> read(Path part) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(pathOf(part))) {
      properties.load(in);
      return Optional.of(
          new PartRecord(
              properties.getProperty("url"),
              properties.getProperty("etag"),
              properties.getProperty("last_modified"),
              Long.parseLong(properties.getProperty("total_length", "-1")),
              properties.getProperty("boot_id"),
              Long.parseLong(properties.getProperty("synced", "0"))));
    } catch (IOException | RuntimeException e) {
      // Missing, or torn by a crash while being replaced: the heartbeat's checkpoint decides.
      return Optional.empty();
    }
  }

  /** Replaces the record atomically, so a crash leaves the old one or the new one. */
  void write(Path part) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("url", url);
    if (etag != null) {
      properties.setProperty("etag", etag);
    }
    if (lastModified != null) {
      properties.setProperty("last_modified", lastModified);
    }
    properties.setProperty("total_length", Long.toString(totalLength));
    if (bootId != null) {
      properties.setProperty("boot_id", bootId);
    }
    properties.setProperty("synced", Long.toString(synced));
    Path record = pathOf(part);
    Path temp = record.resolveSibling(record.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      properties.store(out, null);
    }
    Files.move(temp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The same record with more bytes known to be on disk. */
  PartRecord synced(long bytes) {
    return new PartRecord(url, etag, lastModified, totalLength, bootId, bytes);
  }

  /** Removes the record beside {@code part}, if any. */
  static void delete(Path part) throws IOException {
    Files.deleteIfExists(pathOf(part));
  }

  /** The digest a record of bytes from {@code url} carries. */
  static String digestOf(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** True when the bytes came from {@code url}: a source whose URL changed starts over. */
  boolean isFor(String url) {
    return digestOf(url).equals(this.url);
  }

  /** True when the server can be asked whether the entity is still the same one. */
  boolean validated() {
    return etag != null || lastModified != null;
  }

  /**
   * How many of the partial file's {@code partSize} bytes a resume may keep: all of them on the
   * boot that wrote them, else only those fsynced.
   */
  long usableLength(long partSize, String currentBootId) {
    boolean sameBoot = bootId != null && bootId.equals(currentBootId);
    return sameBoot ? partSize : Math.min(partSize, synced);
  }

  /** This boot's id from the kernel, or null where the kernel does not say (not Linux). */
  static String currentBootId() {
    try {
      return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
