package io.trawl.activities.jobs;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Company names as the provider writes them ("Adyen N.V.", "ADYEN", "Adyen") mapped to one display
 * name and one key, so one company gets one {@code companies} row.
 */
public final class CompanyNames {
  /**
   * Legal-form suffixes at the end of a name, after a space or comma. Two-letter forms that are
   * also common words or US states are not listed unless they carry dots, to avoid eating names.
   */
  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(
          "(?i)[\\s,]+(?:b\\.\\s?v\\.?|bv|n\\.\\s?v\\.?|nv|gmbh(?:\\s*&\\s*co\\.?\\s*kg)?|ag|se|kg|"
              + "inc\\.?|incorporated|co\\.?,?\\s*ltd\\.?|ltd\\.?|limited|"
              + "l\\.?l\\.?c\\.?|l\\.?l\\.?p\\.?|plc|corp\\.?|corporation|"
              + "s\\.\\s?a\\.?|s\\.\\s?a\\.\\s?s\\.?|sas|s\\.\\s?l\\.?|s\\.?p\\.?a\\.?|s\\.?r\\.?l\\.?|"
              + "pty\\.?\\s*ltd\\.?|oy|oyj|ab|a/s|aps|asa)\\s*$");

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:&-]+$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private CompanyNames() {}

  /**
   * The name to show: whitespace collapsed and legal suffixes removed; the original when stripping
   * would leave nothing. Null for a blank name.
   */
  public static String displayName(String raw) {
    String name = JobNormalizer.collapse(raw);
    if (name == null) {
      return null;
    }
    String stripped = name;
    while (true) {
      String next = LEGAL_SUFFIX.matcher(stripped).replaceFirst("");
      next = TRAILING_PUNCTUATION.matcher(next).replaceFirst("");
      if (next.equals(stripped)) {
        break;
      }
      stripped = next;
    }
    return stripped.isEmpty() ? name : stripped;
  }

  /**
   * The canonical key: the display name case-folded, accents removed, every run of punctuation or
   * space made one space. Null for a blank name.
   */
  public static String key(String raw) {
    String name = displayName(raw);
    if (name == null) {
      return null;
    }
    String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    String key = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    // A name of only symbols ("***") still needs a key; fall back to the folded name itself.
    return key.isEmpty() ? name.toLowerCase(Locale.ROOT) : key;
  }
}
