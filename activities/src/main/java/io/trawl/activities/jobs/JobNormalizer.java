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
    String collapsed = WHITESPACE.matcher(withoutNul(text)).replaceAll(" ").strip();
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
    String unixLines = withoutNul(text).replace("\r\n", "\n").replace('\r', '\n');
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

  /** PostgreSQL text cannot hold U+0000, which JSON can escape; a record must not fail on it. */
  private static String withoutNul(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }
}
