package io.trawl.workflows.pharmacy;

import io.temporal.common.SearchAttributes;
import io.trawl.workflows.common.RunAttributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a pharmacy run collects: every query in every location, and how.
 *
 * <p>Missing options take their defaults, so a run started from the Web UI with only {@code
 * {"queries":["pharmacy"],"locations":["San Francisco, CA"]}} works.
 *
 * @param maxPlacesPerSearch the actor's {@code maxCrawledPlacesPerSearch}
 * @param noCache skip the query cache (and do not read it; a fresh answer still refreshes it)
 * @param maxCostUsd a cap for this run across every paid provider; null means only the daily
 *     budgets apply
 * @param verifyAll verify every place the run saw, not only those never verified
 * @param scheduled started by a Temporal Schedule rather than a person
 */
public record PharmacyRunRequest(
    List<String> queries,
    List<String> locations,
    Boolean verify,
    Integer maxPlacesPerSearch,
    Boolean noCache,
    BigDecimal maxCostUsd,
    Boolean verifyAll,
    Boolean scheduled) {
  public static final int DEFAULT_MAX_PLACES = 25;
  public static final int MAX_PLACES_LIMIT = 5_000;

  public PharmacyRunRequest {
    queries = sortedDistinct(queries, "queries");
    locations = sortedDistinct(locations, "locations");
    verify = verify == null || verify;
    maxPlacesPerSearch = maxPlacesPerSearch == null ? DEFAULT_MAX_PLACES : maxPlacesPerSearch;
    if (maxPlacesPerSearch < 1 || maxPlacesPerSearch > MAX_PLACES_LIMIT) {
      throw new IllegalArgumentException(
          "maxPlacesPerSearch must be within 1.."
              + MAX_PLACES_LIMIT
              + ", got "
              + maxPlacesPerSearch);
    }
    noCache = noCache != null && noCache;
    if (maxCostUsd != null && maxCostUsd.signum() < 0) {
      throw new IllegalArgumentException("maxCostUsd must not be negative, got " + maxCostUsd);
    }
    verifyAll = verifyAll != null && verifyAll;
    scheduled = scheduled != null && scheduled;
  }

  /** A person's run with the defaults. */
  public static PharmacyRunRequest of(List<String> queries, List<String> locations) {
    return new PharmacyRunRequest(queries, locations, null, null, null, null, null, null);
  }

  /** Every (query, location) pair, in a stable order. */
  public List<PharmacySearch> searches() {
    List<PharmacySearch> searches = new ArrayList<>();
    for (String location : locations) {
      for (String query : queries) {
        searches.add(new PharmacySearch(query, location));
      }
    }
    return searches;
  }

  /**
   * The search's identity: sorted queries and locations, lower case. Two runs with the same key are
   * the same search, so they cannot run at once and a later one resumes an unfinished one.
   */
  public String searchKey() {
    return (String.join(",", queries) + "|" + String.join(",", locations)).toLowerCase(Locale.ROOT);
  }

  /** The workflow id: {@code pharmacy-run/<queries>/<locations>}, slugged. */
  public String workflowId() {
    return "pharmacy-run/"
        + slug(String.join("+", queries))
        + "/"
        + slug(String.join("+", locations));
  }

  /** trawl's search attributes for the run, whoever starts it (a person or a schedule). */
  public SearchAttributes searchAttributes() {
    return RunAttributes.atStart(
        "pharmacy", String.join(", ", queries), String.join("; ", locations), "apify");
  }

  /** The line the Web UI shows for the run. */
  public String summary() {
    return "pharmacy: " + String.join(", ", queries) + " in " + String.join("; ", locations);
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+]+", "-");
    return slug.replaceAll("(^-+|-+$)", "");
  }

  private static List<String> sortedDistinct(List<String> values, String name) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(name + " must name at least one value");
    }
    TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " contains an empty value");
      }
      sorted.add(value.trim().replaceAll("\\s+", " "));
    }
    return List.copyOf(sorted);
  }
}
