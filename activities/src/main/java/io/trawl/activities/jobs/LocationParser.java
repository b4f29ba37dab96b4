package io.trawl.activities.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits LinkedIn's one-line {@code job_location} into city, region and country.
 *
 * <p>The line has one to three comma-separated parts, most specific first: "Amsterdam, North
 * Holland, Netherlands", "Rotterdam, Netherlands", "Netherlands", or in the US "Bronx, NY" with the
 * country only in {@code country_code}. The last part is taken as the country only when it is a
 * country's English name; two-letter parts are never read as country codes, because "CA", "IN" and
 * "DE" are US states as often as countries.
 */
public final class LocationParser {
  private static final Map<String, String> CODE_BY_NAME = countryNames();

  private LocationParser() {}

  /**
   * @param jobLocation the provider's {@code job_location}, may be null
   * @param countryCode the provider's {@code country_code}, may be null or malformed
   * @return the location, or null when neither argument says anything
   */
  public static JobLocation parse(String jobLocation, String countryCode) {
    String code = isoCode(countryCode);
    List<String> parts = new ArrayList<>();
    String line = JobNormalizer.collapse(jobLocation);
    if (line != null) {
      for (String part : line.split(",")) {
        String clean = JobNormalizer.collapse(part);
        if (clean != null) {
          parts.add(clean);
        }
      }
    }
    if (!parts.isEmpty()) {
      String named = CODE_BY_NAME.get(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT));
      // "Atlanta, Georgia" with country_code US names a state, not the country Georgia: a name
      // that disagrees with the record's code stays a region.
      if (named != null && (code == null || named.equals(code))) {
        parts.remove(parts.size() - 1);
        code = named;
      }
    }
    String country = code == null ? null : countryName(code);
    if (parts.isEmpty() && country == null) {
      return null;
    }
    String city = parts.isEmpty() ? null : parts.get(0);
    String region = parts.size() < 2 ? null : String.join(", ", parts.subList(1, parts.size()));
    return new JobLocation(city, region, country, code);
  }

  /** The English name Java's locale data gives the ISO code, e.g. NL → "Netherlands". */
  static String countryName(String isoCode) {
    return Locale.of("", isoCode).getDisplayCountry(Locale.ENGLISH);
  }

  private static String isoCode(String raw) {
    String code = JobNormalizer.collapse(raw);
    if (code == null || code.length() != 2) {
      return null;
    }
    String upper = code.toUpperCase(Locale.ROOT);
    return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(upper)
        ? upper
        : null;
  }

  private static Map<String, String> countryNames() {
    Map<String, String> names = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      names.put(countryName(code).toLowerCase(Locale.ROOT), code);
    }
    // Spellings LinkedIn and people use that differ from Java's locale data.
    names.put("the netherlands", "NL");
    names.put("holland", "NL");
    names.put("usa", "US");
    names.put("united states of america", "US");
    names.put("uk", "GB");
    names.put("great britain", "GB");
    names.put("england", "GB");
    names.put("scotland", "GB");
    names.put("wales", "GB");
    names.put("northern ireland", "GB");
    names.put("czech republic", "CZ");
    names.put("turkey", "TR");
    names.put("south korea", "KR");
    names.put("russia", "RU");
    return Map.copyOf(names);
  }
}
