package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Google Maps actor's input for one collection (PROVIDERS.md §2): what to search for, where,
 * and how many places per search. Images and reviews are never asked for: they cost extra.
 *
 * @param searchStrings e.g. ["pharmacy"]; at least one
 * @param locationQuery e.g. "San Francisco, CA"
 * @param maxPlacesPerSearch {@code maxCrawledPlacesPerSearch}, 1 or more
 * @param language e.g. "en"
 */
public record ApifyRunInput(
    List<String> searchStrings, String locationQuery, int maxPlacesPerSearch, String language) {

  public ApifyRunInput {
    if (searchStrings == null || searchStrings.isEmpty()) {
      throw new IllegalArgumentException("searchStrings must hold at least one search");
    }
    for (String search : searchStrings) {
      if (search == null || search.isBlank()) {
        throw new IllegalArgumentException("searchStrings holds a blank search: " + searchStrings);
      }
    }
    if (maxPlacesPerSearch < 1) {
      throw new IllegalArgumentException(
          "maxPlacesPerSearch must be 1 or more, got " + maxPlacesPerSearch);
    }
    searchStrings = List.copyOf(searchStrings);
    language = language == null || language.isBlank() ? "en" : language.strip();
  }

  /** The JSON body of {@code POST /acts/{actor}/runs}. */
  public ObjectNode toJson() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    ArrayNode searches = input.putArray("searchStringsArray");
    searchStrings.forEach(searches::add);
    if (locationQuery != null && !locationQuery.isBlank()) {
      input.put("locationQuery", locationQuery.strip());
    }
    input.put("maxCrawledPlacesPerSearch", maxPlacesPerSearch);
    input.put("language", language);
    input.put("skipClosedPlaces", false);
    input.put("maxImages", 0);
    input.put("maxReviews", 0);
    input.put("scrapeContacts", false);
    return input;
  }
}
