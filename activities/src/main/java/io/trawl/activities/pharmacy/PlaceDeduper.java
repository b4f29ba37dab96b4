package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the places of one run into one record per {@link PlaceKeys key}: the record with the most
 * fields wins, and the merged place remembers every search that found it.
 */
public final class PlaceDeduper {
  private final Map<String, Merged> byKey = new LinkedHashMap<>();
  private int added;

  /** One place the run collected, with the search that returned it and its raw item. */
  public void add(PlaceItem place, JsonNode raw, PharmacySearch search) {
    added++;
    String key = PlaceKeys.keyOf(place);
    Merged merged = byKey.get(key);
    if (merged == null) {
      merged = new Merged(key, place, raw);
      byKey.put(key, merged);
    } else if (place.fields() > merged.place.fields()) {
      merged.place = place;
      merged.raw = raw;
    }
    merged.searches.add(search);
  }

  public int added() {
    return added;
  }

  public List<UniquePlace> places() {
    List<UniquePlace> places = new ArrayList<>(byKey.size());
    for (Merged merged : byKey.values()) {
      places.add(
          new UniquePlace(merged.key, merged.place, merged.raw, List.copyOf(merged.searches)));
    }
    return places;
  }

  /** A place after dedup: its key, the fullest record and every search that found it. */
  public record UniquePlace(
      String key, PlaceItem place, JsonNode raw, List<PharmacySearch> searches) {}

  private static final class Merged {
    final String key;
    PlaceItem place;
    JsonNode raw;
    final Set<PharmacySearch> searches = new LinkedHashSet<>();

    Merged(String key, PlaceItem place, JsonNode raw) {
      this.key = key;
      this.place = place;
      this.raw = raw;
    }
  }
}
