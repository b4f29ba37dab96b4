package io.trawl.activities.etl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file on disk, streamed in 1 MiB reads. */
final class Sha256Files {
  private static final long TICK_EVERY = 256L << 20;

  private Sha256Files() {}

  /**
   * @param tick called every 256 MiB, so a long hash keeps its activity heartbeating
   */
  static String of(Path file, Runnable tick) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    long sinceTick = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int n; (n = channel.read(buffer.clear())) > 0; ) {
        digest.update(buffer.array(), 0, n);
        sinceTick += n;
        if (sinceTick >= TICK_EVERY) {
          tick.run();
          sinceTick = 0;
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
