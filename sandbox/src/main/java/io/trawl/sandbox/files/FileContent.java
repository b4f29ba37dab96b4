package io.trawl.sandbox.files;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one served file, readable at any offset without holding them all: small files are
 * arrays, large ones ({@link #synthetic}) are generated on the fly so a 10 GiB test file costs no
 * memory and no disk.
 */
public abstract class FileContent {
  static final int CHUNK = 1 << 20;

  /** The file's length in bytes. */
  public abstract long length();

  /** Copies {@code length} bytes from {@code from} into {@code buffer} starting at offset 0. */
  abstract void read(long from, byte[] buffer, int length);

  /**
   * Writes {@code length} bytes from {@code from} to {@code out}, using {@code scratch} if needed.
   */
  void writeTo(OutputStream out, long from, int length, byte[] scratch) throws IOException {
    read(from, scratch, length);
    out.write(scratch, 0, length);
  }

  /** Feeds {@code length} bytes from {@code from} to {@code digest}, using {@code scratch}. */
  void update(MessageDigest digest, long from, int length, byte[] scratch) {
    read(from, scratch, length);
    digest.update(scratch, 0, length);
  }

  /** Small content held in memory. */
  public static FileContent of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /**
   * Deterministic content of any length: a 1 MiB pseudo-random block repeated, with {@code head}
   * written over the start and {@code tail} over the end (e.g. Parquet's "PAR1" at both ends).
   */
  public static FileContent synthetic(long length, long seed, byte[] head, byte[] tail) {
    if (length < head.length + tail.length) {
      throw new IllegalArgumentException(
          "length "
              + length
              + " is smaller than head + tail ("
              + (head.length + tail.length)
              + ")");
    }
    return new Synthetic(length, seed, head.clone(), tail.clone());
  }

  /**
   * A short, stable identity of the bytes, from which the server derives the ETag: the same content
   * gives the same ETag in every process, so a second run against a restarted sandbox is still
   * fresh.
   */
  abstract String fingerprint();

  /** The first {@code length} bytes only, as a server with a half-copied file would serve. */
  FileContent prefix(long length) {
    FileContent whole = this;
    long kept = Math.min(length, length());
    return new FileContent() {
      @Override
      public long length() {
        return kept;
      }

      @Override
      void read(long from, byte[] buffer, int count) {
        whole.read(from, buffer, count);
      }

      @Override
      String fingerprint() {
        return whole.fingerprint() + "-first" + kept;
      }
    };
  }

  /** The same length with a run of bytes in the middle inverted: a bit-rotted mirror copy. */
  FileContent corrupted() {
    FileContent whole = this;
    long start = length() / 2;
    long end = Math.min(length(), start + 16);
    return new FileContent() {
      @Override
      public long length() {
        return whole.length();
      }

      @Override
      void read(long from, byte[] buffer, int count) {
        whole.read(from, buffer, count);
        for (long p = Math.max(start, from); p < Math.min(end, from + count); p++) {
          buffer[(int) (p - from)] ^= (byte) 0xFF;
        }
      }

      @Override
      String fingerprint() {
        return whole.fingerprint() + "-corrupt";
      }
    };
  }

  /** The SHA-256 of the whole content, hex; reads everything once. */
  public String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(1, length()))];
      for (long position = 0; position < length(); ) {
        int n = (int) Math.min(buffer.length, length() - position);
        update(digest, position, n, buffer);
        position += n;
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The whole content as an array; only for small files and tests. */
  public byte[] toByteArray() {
    if (length() > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("content of " + length() + " bytes does not fit an array");
    }
    byte[] all = new byte[(int) length()];
    read(0, all, all.length);
    return all;
  }

  private static final class Bytes extends FileContent {
    private final byte[] bytes;
    private String fingerprint;

    Bytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    void read(long from, byte[] buffer, int length) {
      System.arraycopy(bytes, (int) from, buffer, 0, length);
    }

    @Override
    public byte[] toByteArray() {
      return bytes.clone();
    }

    @Override
    synchronized String fingerprint() {
      if (fingerprint == null) {
        fingerprint = sha256().substring(0, 20);
      }
      return fingerprint;
    }
  }

  private static final class Synthetic extends FileContent {
    private static final int BLOCK = 1 << 20;
    private final long length;
    private final long seed;
    private final byte[] block = new byte[BLOCK];
    private final byte[] head;
    private final byte[] tail;

    Synthetic(long length, long seed, byte[] head, byte[] tail) {
      this.length = length;
      this.seed = seed;
      this.head = head;
      this.tail = tail;
      long x = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
      for (int i = 0; i < BLOCK; i += 8) {
        // xorshift64: cheap, deterministic and not compressible, like real binary data.
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        for (int b = 0; b < 8; b++) {
          block[i + b] = (byte) (x >>> (8 * b));
        }
      }
    }

    @Override
    public long length() {
      return length;
    }

    /** Straight from the repeated block where no marker overlaps: one copy less per chunk. */
    @Override
    void writeTo(OutputStream out, long from, int length, byte[] scratch) throws IOException {
      if (from < head.length || from + length > this.length - tail.length) {
        super.writeTo(out, from, length, scratch);
        return;
      }
      int done = 0;
      while (done < length) {
        int inBlock = (int) ((from + done) % BLOCK);
        int n = Math.min(length - done, BLOCK - inBlock);
        out.write(block, inBlock, n);
        done += n;
      }
    }

    /**
     * Straight from the repeated block where no marker overlaps, so the bench's in-memory SHA-256
     * rate is the digest's alone.
     */
    @Override
    void update(MessageDigest digest, long from, int length, byte[] scratch) {
      if (from < head.length || from + length > this.length - tail.length) {
        super.update(digest, from, length, scratch);
        return;
      }
      int done = 0;
      while (done < length) {
        int inBlock = (int) ((from + done) % BLOCK);
        int n = Math.min(length - done, BLOCK - inBlock);
        digest.update(block, inBlock, n);
        done += n;
      }
    }

    @Override
    void read(long from, byte[] buffer, int count) {
      int done = 0;
      while (done < count) {
        long position = from + done;
        int inBlock = (int) (position % BLOCK);
        int n = Math.min(count - done, BLOCK - inBlock);
        System.arraycopy(block, inBlock, buffer, done, n);
        done += n;
      }
      overlay(head, 0, from, buffer, count);
      overlay(tail, length - tail.length, from, buffer, count);
    }

    @Override
    String fingerprint() {
      return "syn"
          + Long.toHexString(seed)
          + "-"
          + length
          + "-"
          + HexFormat.of().formatHex(head)
          + HexFormat.of().formatHex(tail);
    }

    private static void overlay(byte[] part, long partStart, long from, byte[] buffer, int count) {
      long start = Math.max(partStart, from);
      long end = Math.min(partStart + part.length, from + count);
      for (long p = start; p < end; p++) {
        buffer[(int) (p - from)] = part[(int) (p - partStart)];
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + length() + " bytes]";
  }
}
