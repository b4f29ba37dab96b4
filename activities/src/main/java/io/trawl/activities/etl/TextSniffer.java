package io.trawl.activities.etl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Looks at a file's first bytes the way a person glancing at it would. */
final class TextSniffer {
  private TextSniffer() {}

  /** Index of the first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
  static int firstNonBlank(byte[] head) {
    int i = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xef
        && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < head.length && Character.isWhitespace(head[i] & 0xff)) {
      i++;
    }
    return i < head.length ? i : -1;
  }

  /**
   * True for an HTML document: after an optional BOM, whitespace, XML prolog and comments, it opens
   * with {@code <!DOCTYPE html} or {@code <html}. A gateway's error page served with 200 is the
   * usual culprit.
   */
  static boolean isHtml(byte[] head) {
    int start = firstNonBlank(head);
    if (start < 0) {
      return false;
    }
    String text =
        new String(head, start, Math.min(head.length - start, 2048), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    while (true) {
      text = text.stripLeading();
      if (text.startsWith("<?xml") || text.startsWith("<!--")) {
        int end = text.indexOf(text.startsWith("<?xml") ? "?>" : "-->");
        if (end < 0) {
          return false;
        }
        text = text.substring(end + (text.startsWith("<?xml") ? 2 : 3));
        continue;
      }
      return text.startsWith("<!doctype html") || text.startsWith("<html");
    }
  }

  /** The first line of the head, shortened, for a message quoting what was served. */
  static String preview(byte[] head) {
    int start = Math.max(0, firstNonBlank(head));
    String text =
        new String(head, start, Math.min(head.length - start, 60), StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    return (newline >= 0 ? text.substring(0, newline) : text).strip();
  }
}
