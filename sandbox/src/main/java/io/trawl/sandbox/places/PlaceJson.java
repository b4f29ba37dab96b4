package io.trawl.sandbox.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.maps.MapsPlace;
import java.util.List;

/**
 * A {@link MapsPlace} as a Places API (New) place, then trimmed to the field mask. Absent data is
 * an omitted field, never null (PROVIDERS.md §3).
 */
final class PlaceJson {
  private PlaceJson() {}

  /** Every field the sandbox knows for the place. */
  static ObjectNode full(MapsPlace place) {
    ObjectNode json = Exchanges.JSON.createObjectNode();
    json.put("name", "places/" + place.placeId());
    json.put("id", place.placeId());
    ArrayNode types = json.putArray("types");
    place.types().forEach(types::add);
    types.add("point_of_interest").add("establishment");
    if (place.phone() != null) {
      json.put("nationalPhoneNumber", place.phone());
      String digits = place.phoneUnformatted().substring(2);
      json.put(
          "internationalPhoneNumber",
          "+1 "
              + digits.substring(0, 3)
              + "-"
              + digits.substring(3, 6)
              + "-"
              + digits.substring(6));
    }
    json.put("formattedAddress", place.formattedAddress());
    json.put("shortFormattedAddress", place.street() + ", " + place.city());
    // Google's geocode differs from the Maps pin by a few metres.
    json.putObject("location")
        .put("latitude", place.lat() + 0.00004)
        .put("longitude", place.lng() - 0.00003);
    if (place.totalScore() != null) {
      json.put("rating", place.totalScore());
      json.put("userRatingCount", place.reviewsCount());
    }
    json.put("googleMapsUri", "https://maps.google.com/?cid=" + place.cid());
    if (place.website() != null) {
      String site = place.website();
      json.put("websiteUri", site.contains("://") ? site : "http://" + site + "/");
    }
    ObjectNode hours = json.putObject("regularOpeningHours");
    ArrayNode descriptions = hours.putArray("weekdayDescriptions");
    place.openingHours().forEach(h -> descriptions.add(h.day() + ": " + h.hours()));
    if (!statusOmitted(place)) {
      json.put("businessStatus", place.businessStatus());
    }
    json.putObject("displayName").put("text", place.title()).put("languageCode", "en");
    json.put("primaryType", place.types().get(0));
    json.putObject("primaryTypeDisplayName")
        .put("text", place.categoryName())
        .put("languageCode", "en-US");
    return json;
  }

  /** Some operational places carry no business status at all; clients must cope. */
  static boolean statusOmitted(MapsPlace place) {
    return !place.permanentlyClosed()
        && !place.temporarilyClosed()
        && Math.floorMod(place.placeId().hashCode(), 9) == 0;
  }

  /**
   * Keeps the masked paths of one place. {@code paths} are relative to the place
   * ("displayName.text"); "*" keeps everything.
   */
  static ObjectNode trim(ObjectNode place, List<String> paths) {
    if (paths.contains("*")) {
      return place;
    }
    ObjectNode out = Exchanges.JSON.createObjectNode();
    for (String path : paths) {
      copy(place, out, path.split("\\."), 0);
    }
    return out;
  }

  private static void copy(JsonNode from, ObjectNode to, String[] segments, int at) {
    JsonNode value = from.get(segments[at]);
    if (value == null) {
      return;
    }
    if (at == segments.length - 1 || !value.isObject()) {
      to.set(segments[at], value);
      return;
    }
    JsonNode existing = to.get(segments[at]);
    ObjectNode child = existing instanceof ObjectNode o ? o : to.putObject(segments[at]);
    copy(value, child, segments, at + 1);
  }
}
