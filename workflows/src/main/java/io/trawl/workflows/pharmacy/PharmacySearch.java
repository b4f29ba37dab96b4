package io.trawl.workflows.pharmacy;

import java.util.Objects;

/** One (query, location) search: one Apify actor run, or one query cache entry. */
public record PharmacySearch(String query, String location) {
  public PharmacySearch {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(location, "location");
  }

  /** "pharmacy in San Francisco, CA", as people and logs say it. */
  public String describe() {
    return query + " in " + location;
  }
}
