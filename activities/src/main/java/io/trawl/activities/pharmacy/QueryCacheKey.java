package io.trawl.activities.pharmacy;

import java.util.Locale;

/**
 * The original's query cache key: {@code "<query>_<location>"}, lower case, spaces as underscores —
 * {@code pharmacy_san_francisco,_ca}.
 */
public final class QueryCacheKey {
  private QueryCacheKey() {}

  public static String of(String query, String location) {
    return (query.trim() + "_" + location.trim()).toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
  }
}
