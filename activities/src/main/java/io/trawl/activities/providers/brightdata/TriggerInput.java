package io.trawl.activities.providers.brightdata;

import io.trawl.workflows.jobs.DateRange;

/**
 * One discovery input for the LinkedIn jobs dataset; {@code ""} means unset, as the provider
 * expects.
 *
 * @param keyword the search keyword
 * @param location the location filter (the only field the provider requires)
 * @param country a country code, or ""
 * @param timeRange the provider's time_range label, e.g. "Past week"
 */
public record TriggerInput(String keyword, String location, String country, String timeRange) {
  public TriggerInput {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location is empty");
    }
    if (timeRange == null || timeRange.isBlank()) {
      throw new IllegalArgumentException("timeRange is empty");
    }
    keyword = keyword == null ? "" : keyword.strip();
    location = location.strip();
    country = country == null ? "" : country.strip();
  }

  public static TriggerInput of(String keyword, String location, DateRange range) {
    return new TriggerInput(keyword, location, "", range.providerLabel());
  }
}
