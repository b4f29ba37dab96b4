package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.maps.MapsPlace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One Google Maps place as the {@code compass~crawler-google-places} actor writes it into the
 * dataset (PROVIDERS.md §2, §7): {@code title} not name, {@code location{lat,lng}}, a full state
 * name, null or missing scores for unrated places, a website that may lack its scheme.
 */
final class ItemRenderer {
  private ItemRenderer() {}

  static ObjectNode item(MapsPlace place, String searchString, int rank) {
    ObjectNode item = Exchanges.JSON.createObjectNode();
    item.put("searchString", searchString);
    item.put("rank", rank);
    item.put("searchPageUrl", "https://www.google.com/maps/search/" + encode(searchString));
    item.put("isAdvertisement", false);
    item.put("title", place.title());
    item.put("price", (String) null);
    item.put("categoryName", place.categoryName());
    item.put("address", place.address());
    item.put("neighborhood", (String) null);
    item.put("street", place.street());
    item.put("city", place.city());
    item.put("postalCode", place.postalCode());
    item.put("state", place.state());
    item.put("countryCode", place.countryCode());
    if (place.website() != null) {
      item.put("website", place.website());
    }
    item.put("phone", place.phone());
    item.put("phoneUnformatted", place.phoneUnformatted());
    item.putObject("location").put("lat", place.lat()).put("lng", place.lng());
    if (!place.scoreKeysMissing()) {
      putNullable(item, "totalScore", place.totalScore());
      if (place.reviewsCount() == null) {
        item.putNull("reviewsCount");
      } else {
        item.put("reviewsCount", place.reviewsCount());
      }
    }
    item.put("permanentlyClosed", place.permanentlyClosed());
    item.put("temporarilyClosed", place.temporarilyClosed());
    item.put("placeId", place.placeId());
    ArrayNode categories = item.putArray("categories");
    place.categories().forEach(categories::add);
    item.put("cid", place.cid());
    item.put(
        "url",
        "https://www.google.com/maps/search/?api=1&query="
            + encode(place.title())
            + "&query_place_id="
            + place.placeId());
    ArrayNode hours = item.putArray("openingHours");
    for (MapsPlace.Hours day : place.openingHours()) {
      hours.addObject().put("day", day.day()).put("hours", day.hours());
    }
    item.put("imagesCount", 0);
    item.putArray("imageUrls");
    item.putArray("reviews");
    item.put("language", "en");
    return item;
  }

  private static void putNullable(ObjectNode item, String field, Double value) {
    if (value == null) {
      item.putNull(field);
    } else {
      item.put(field, value);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
