package io.trawl.activities.jobs;

import java.util.Locale;

/**
 * Where a posting is, split from the provider's one-line {@code job_location}.
 *
 * @param city e.g. "Amsterdam"; null when only a region or country was given
 * @param region e.g. "North Holland" or "NY"
 * @param country the English country name, e.g. "Netherlands"
 * @param countryCode ISO 3166 alpha-2, e.g. "NL"
 */
public record JobLocation(String city, String region, String country, String countryCode) {
  public JobLocation {
    if (city == null && region == null && country == null) {
      throw new IllegalArgumentException("a location needs a city, region or country");
    }
  }

  /** The unique key of the normalized triple: case-folded parts joined by '|', "" for a gap. */
  public String key() {
    return fold(city) + "|" + fold(region) + "|" + fold(country);
  }

  private static String fold(String part) {
    return part == null ? "" : part.toLowerCase(Locale.ROOT);
  }
}
