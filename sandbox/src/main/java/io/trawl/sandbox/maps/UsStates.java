package io.trawl.sandbox.maps;

import java.util.Locale;
import java.util.Map;

/** US state codes and the full names the Apify actor writes in {@code state}. */
final class UsStates {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("AL", "Alabama"),
          Map.entry("AK", "Alaska"),
          Map.entry("AZ", "Arizona"),
          Map.entry("AR", "Arkansas"),
          Map.entry("CA", "California"),
          Map.entry("CO", "Colorado"),
          Map.entry("CT", "Connecticut"),
          Map.entry("DE", "Delaware"),
          Map.entry("DC", "District of Columbia"),
          Map.entry("FL", "Florida"),
          Map.entry("GA", "Georgia"),
          Map.entry("HI", "Hawaii"),
          Map.entry("ID", "Idaho"),
          Map.entry("IL", "Illinois"),
          Map.entry("IN", "Indiana"),
          Map.entry("IA", "Iowa"),
          Map.entry("KS", "Kansas"),
          Map.entry("KY", "Kentucky"),
          Map.entry("LA", "Louisiana"),
          Map.entry("ME", "Maine"),
          Map.entry("MD", "Maryland"),
          Map.entry("MA", "Massachusetts"),
          Map.entry("MI", "Michigan"),
          Map.entry("MN", "Minnesota"),
          Map.entry("MS", "Mississippi"),
          Map.entry("MO", "Missouri"),
          Map.entry("MT", "Montana"),
          Map.entry("NE", "Nebraska"),
          Map.entry("NV", "Nevada"),
          Map.entry("NH", "New Hampshire"),
          Map.entry("NJ", "New Jersey"),
          Map.entry("NM", "New Mexico"),
          Map.entry("NY", "New York"),
          Map.entry("NC", "North Carolina"),
          Map.entry("ND", "North Dakota"),
          Map.entry("OH", "Ohio"),
          Map.entry("OK", "Oklahoma"),
          Map.entry("OR", "Oregon"),
          Map.entry("PA", "Pennsylvania"),
          Map.entry("RI", "Rhode Island"),
          Map.entry("SC", "South Carolina"),
          Map.entry("SD", "South Dakota"),
          Map.entry("TN", "Tennessee"),
          Map.entry("TX", "Texas"),
          Map.entry("UT", "Utah"),
          Map.entry("VT", "Vermont"),
          Map.entry("VA", "Virginia"),
          Map.entry("WA", "Washington"),
          Map.entry("WV", "West Virginia"),
          Map.entry("WI", "Wisconsin"),
          Map.entry("WY", "Wyoming"));

  private UsStates() {}

  /** The two-letter code for "CA", "ca" or "California"; null when it is no US state. */
  static String code(String codeOrName) {
    if (codeOrName == null) {
      return null;
    }
    String text = codeOrName.strip();
    String upper = text.toUpperCase(Locale.ROOT);
    if (NAMES.containsKey(upper)) {
      return upper;
    }
    for (Map.Entry<String, String> entry : NAMES.entrySet()) {
      if (entry.getValue().equalsIgnoreCase(text)) {
        return entry.getKey();
      }
    }
    return null;
  }

  static String name(String code) {
    return NAMES.get(code);
  }
}
