package io.trawl.activities.jobs;

import java.util.regex.Pattern;

/** Text clean-up shared by every field of a posting: whitespace, blanks, URLs. */
public final class JobNormalizer {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\x0B\\f]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private JobNormalizer() {}

  /** Trims and collapses every whitespace run to one space; blank becomes null. */
  public static String collapse(String text) {
    if (text == null) {
      return null;
    }
    String clean = withoutNul(text);
    // Most provider text is already clean; the regex ran on every field of every record.
    String collapsed =
        (hasRun(clean, false) ? WHITESPACE.matcher(clean).replaceAll(" ") : clean).strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  /**
   * Like {@link #collapse} but keeps paragraph breaks: a description flattened to one line is hard
   * to read, so line breaks survive and runs of blank lines shrink to one.
   */
  public static String paragraphs(String text) {
    if (text == null) {
      return null;
    }
    String clean = withoutNul(text);
    if (clean.indexOf('\n') < 0 && clean.indexOf('\r') < 0 && !hasRun(clean, true)) {
      String line = clean.strip();
      return line.isEmpty() ? null : line;
    }
    String unixLines = clean.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(unixLines.length());
    for (String line : unixLines.split("\n", -1)) {
      out.append(HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip()).append('\n');
    }
    String tidy = BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    return tidy.isEmpty() ? null : tidy;
  }

  /**
   * The URL without query string or fragment: the provider appends {@code ?lg=en}, and tracking
   * parameters would make one posting look like many.
   */
  public static String urlWithoutQuery(String url) {
    String clean = collapse(url);
    if (clean == null) {
      return null;
    }
    int cut = clean.length();
    int query = clean.indexOf('?');
    int fragment = clean.indexOf('#');
    if (query >= 0) {
      cut = query;
    }
    if (fragment >= 0 && fragment < cut) {
      cut = fragment;
    }
    String bare = clean.substring(0, cut);
    return bare.isEmpty() ? null : bare;
  }

  /**
   * Whether {@code text} holds something the whitespace patterns would rewrite: for {@link
   * #collapse} any {@code \\s} other than a lone space; for one line of {@link #paragraphs} any
   * horizontal space other than a lone space, or a vertical tab or form feed.
   */
  private static boolean hasRun(String text, boolean horizontal) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (i + 1 < text.length() && isSpace(text.charAt(i + 1), horizontal)) {
          return true;
        }
      } else if (isSpace(c, horizontal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(char c, boolean horizontal) {
    if (horizontal) {
      return c == '\t'
          || c == 0x0B
          || c == '\f'
          || c == ' '
          || c == 0xA0
          || c == 0x1680
          || c == 0x180E
          || (c >= 0x2000 && c <= 0x200A)
          || c == 0x202F
          || c == 0x205F
          || c == 0x3000;
    }
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** PostgreSQL text cannot hold U+0000, which JSON can escape; a record must not fail on it. */
  private static String withoutNul(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }
}
