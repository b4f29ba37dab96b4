package io.trawl.sandbox.maps;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Stable pseudo-randomness: the universe must be the same in every JVM and every run, so draws are
 * hashes of their inputs rather than a shared {@code Random}.
 */
final class Hashes {
  private Hashes() {}

  /** The first 8 bytes of SHA-256 over the lower-cased, trimmed parts, NUL-separated. */
  static long of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        String normalized =
            part == null ? "" : part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        sha.update(normalized.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** SplitMix64's finalizer over (seed, salt): independent draws from one seed. */
  static long mix(long seed, long salt) {
    long z = seed ^ (salt * 0x9e3779b97f4a7c15L);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A draw in [0, 1). */
  static double unit(long seed, long salt) {
    return (mix(seed, salt) >>> 11) * 0x1.0p-53;
  }

  /** A draw in [0, bound). */
  static int bounded(long seed, long salt, int bound) {
    return (int) Math.floorMod(mix(seed, salt), (long) bound);
  }

  static <T> T pick(long seed, long salt, java.util.List<T> options) {
    return options.get(bounded(seed, salt, options.size()));
  }
}
