package io.trawl.sandbox.brightdata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Stable seeds: the universe must be the same in every JVM, so nothing here uses {@code
 * String.hashCode} order tricks or {@code Random}'s shared state.
 */
final class Seeds {
  private Seeds() {}

  /** Lower-cases, trims and collapses whitespace, so "Data Engineer " and "data engineer" match. */
  static String normalize(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The first 8 bytes of SHA-256 over the normalized parts, separated by NUL. */
  static long of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(normalize(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** SplitMix64's finalizer: spreads nearby inputs (day 1, day 2) over the whole long range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long mix(long a, long b) {
    return mix(a ^ mix(b + 0x9e3779b97f4a7c15L));
  }
}
