package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.providers.apify.ApifyPlace;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.util.ArrayList;
import java.util.Iterator;
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
  public void add(ApifyPlace place, JsonNode raw, PharmacySearch search) {
    added++;
    String key = PlaceKeys.keyOf(place);
    int fields = fieldCount(raw);
    Merged merged = byKey.get(key);
    if (merged == null) {
      merged = new Merged(key, place, raw, fields);
      byKey.put(key, merged);
    } else if (fields > merged.fields) {
      merged.place = place;
      merged.raw = raw;
      merged.fields = fields;
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
          new UniquePlace(
              merged.key, merged.place, merged.raw, merged.fields, List.copyOf(merged.searches)));
    }
    return places;
  }

  /** How many of an item's top-level fields carry a value: the fullest record of a place wins. */
  static int fieldCount(JsonNode item) {
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      JsonNode value = it.next().getValue();
      boolean empty =
          value.isNull()
              || (value.isTextual() && value.asText().isBlank())
              || (value.isContainerNode() && value.isEmpty());
      if (!empty) {
        count++;
      }
    }
    return count;
  }

  /**
   * A place after dedup: its key, the fullest record, that record's field count and every search
   * that found it.
   */
  public record UniquePlace(
      String key, ApifyPlace place, JsonNode raw, int fields, List<PharmacySearch> searches) {}

  private static final class Merged {
    final String key;
    ApifyPlace place;
    JsonNode raw;
    int fields;
    final Set<PharmacySearch> searches = new LinkedHashSet<>();

    Merged(String key, ApifyPlace place, JsonNode raw, int fields) {
      this.key = key;
      this.place = place;
      this.raw = raw;
      this.fields = fields;
    }
  }
}
