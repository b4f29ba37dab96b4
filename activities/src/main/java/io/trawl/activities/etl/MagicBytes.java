package io.trawl.activities.etl;

import io.trawl.workflows.etl.EtlFormat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Does a file start (and, for Parquet, end) the way its declared format must? Text formats are
 * checked for what can be checked cheaply: JSON opens with {@code {} or {@code [}, XML with
 * {@code <}, CSV holds no NUL bytes.
 */
final class MagicBytes {
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[][] ZIP = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'P', 'K', 7, 8}};
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] PARQUET = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private MagicBytes() {}

  /**
   * @param head the file's first bytes (up to 64 KiB)
   * @param tail the file's last bytes (up to 8)
   * @return what is wrong, or empty when the bytes fit the format
   */
  static Optional<String> problem(EtlFormat format, byte[] head, byte[] tail) {
    return switch (format) {
      case GZIP -> expect(head, "gzip", GZIP);
      case ZIP -> {
        for (byte[] magic : ZIP) {
          if (startsWith(head, 0, magic)) {
            yield Optional.empty();
          }
        }
        yield Optional.of(mismatch("zip", head, ZIP[0]));
      }
      case PDF -> expect(head, "pdf", PDF);
      case PNG -> expect(head, "png", PNG);
      case JPEG -> expect(head, "jpeg", JPEG);
      case PARQUET ->
          !startsWith(head, 0, PARQUET)
              ? Optional.of(mismatch("parquet", head, PARQUET))
              : !startsWith(tail, tail.length - PARQUET.length, PARQUET)
                  ? Optional.of("does not end with parquet's footer magic \"PAR1\"")
                  : Optional.empty();
      case JSON -> firstCharacter(head, "json", "{[");
      case NDJSON -> firstCharacter(head, "ndjson", "{[");
      case XML -> firstCharacter(head, "xml", "<");
      case CSV -> {
        for (int i = 0; i < head.length; i++) {
          if (head[i] == 0) {
            yield Optional.of("holds a NUL byte at offset " + i + ", so it is not CSV text");
          }
        }
        yield Optional.empty();
      }
      case ANY -> Optional.empty();
    };
  }

  private static Optional<String> expect(byte[] head, String name, byte[] magic) {
    return startsWith(head, 0, magic) ? Optional.empty() : Optional.of(mismatch(name, head, magic));
  }

  private static Optional<String> firstCharacter(byte[] head, String name, String allowed) {
    int i = TextSniffer.firstNonBlank(head);
    if (i < 0) {
      return Optional.of("holds only whitespace, not " + name);
    }
    char first = (char) (head[i] & 0xff);
    if (allowed.indexOf(first) < 0) {
      return Optional.of(
          "starts with '" + printable(first) + "', but " + name + " starts with one of " + allowed);
    }
    return Optional.empty();
  }

  private static String mismatch(String name, byte[] head, byte[] magic) {
    int n = Math.min(head.length, magic.length);
    byte[] seen = java.util.Arrays.copyOf(head, n);
    return "starts with bytes "
        + HexFormat.ofDelimiter(" ").formatHex(seen)
        + ", not "
        + name
        + "'s magic "
        + HexFormat.ofDelimiter(" ").formatHex(magic);
  }

  private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
    if (from < 0 || bytes.length - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
  }
}
