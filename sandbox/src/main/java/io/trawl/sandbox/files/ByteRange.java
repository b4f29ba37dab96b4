package io.trawl.sandbox.files;

/** Parses a single {@code Range: bytes=…} header value, as RFC 9110 section 14.1.2 defines it. */
final class ByteRange {
  /** Returned when the range starts at or past the end: the server answers 416. */
  static final long[] UNSATISFIABLE = new long[0];

  private ByteRange() {}

  /**
   * @return {@code [from, toExclusive]}, {@link #UNSATISFIABLE}, or null when the header is not a
   *     single byte range (the server then ignores it and answers 200, as RFC 9110 allows)
   */
  static long[] parse(String header, long length) {
    String value = header.strip();
    if (!value.startsWith("bytes=") || value.contains(",")) {
      return null;
    }
    String spec = value.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String first = spec.substring(0, dash).strip();
      String last = spec.substring(dash + 1).strip();
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0) {
          return UNSATISFIABLE;
        }
        return new long[] {Math.max(0, length - suffix), length};
      }
      long from = Long.parseLong(first);
      long to = last.isEmpty() ? length : Math.min(length, Long.parseLong(last) + 1);
      if (from >= length) {
        return UNSATISFIABLE;
      }
      if (to <= from) {
        return null;
      }
      return new long[] {from, to};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
