package io.trawl.worker.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte counts as people write them: {@code 1048576}, {@code 500m}, {@code 10GiB}, {@code 1g}.
 * Every unit is binary (k = 1024), so {@code 10GB} and {@code 10GiB} mean the same.
 */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

  private ByteSize() {}

  /** The byte count, or empty when {@code text} is not a size or is not positive. */
  public static Optional<Long> parse(String text) {
    Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2);
    int shift =
        switch (unit.charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          case 't' -> 40;
          default -> 0;
        };
    try {
      long amount = Long.parseLong(matcher.group(1));
      if (amount <= 0 || amount > (Long.MAX_VALUE >> shift)) {
        return Optional.empty();
      }
      return Optional.of(amount << shift);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** "1.0 GiB", "512 KiB", "42 B": for messages and reports. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
