package io.trawl.activities.pharmacy;

import java.util.Objects;

/** One (query, location) search that found a place. */
public record SearchRef(String query, String location) {
  public SearchRef {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(location, "location");
  }
}
