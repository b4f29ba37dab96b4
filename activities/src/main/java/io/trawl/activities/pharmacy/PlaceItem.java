package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One place as the Apify Google Maps actor returns it, read tolerantly: numbers may arrive as
 * strings, keys may be missing, scores may be null (PROVIDERS.md §2, §7).
 *
 * @param fields how many of the item's top-level fields carry a value: dedup keeps the fullest
 */
public record PlaceItem(
    String placeId,
    String title,
    String address,
    String city,
    String state,
    String postalCode,
    String countryCode,
    String phone,
    String website,
    Double latitude,
    Double longitude,
    String categoryName,
    List<String> categories,
    boolean permanentlyClosed,
    boolean temporarilyClosed,
    int fields) {

  public PlaceItem {
    if (title == null || title.isBlank()) {
      throw new MalformedPlaceException("place has no title (placeId " + placeId + ")");
    }
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Reads an actor item; throws {@link MalformedPlaceException} naming what is wrong. */
  public static PlaceItem fromJson(JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new MalformedPlaceException(
          "place item is not a JSON object: " + (item == null ? "null" : item.getNodeType()));
    }
    JsonNode location = item.path("location");
    List<String> categories = new ArrayList<>();
    JsonNode list = item.path("categories");
    if (list.isArray()) {
      list.forEach(c -> addText(categories, c));
    } else {
      addText(categories, list);
    }
    return new PlaceItem(
        text(item, "placeId"),
        text(item, "title"),
        text(item, "address"),
        text(item, "city"),
        text(item, "state"),
        text(item, "postalCode"),
        text(item, "countryCode"),
        firstText(item, "phoneUnformatted", "phone"),
        text(item, "website"),
        number(location, "lat", "latitude"),
        number(location, "lng", "longitude"),
        text(item, "categoryName"),
        categories,
        flag(item, "permanentlyClosed"),
        flag(item, "temporarilyClosed"),
        countFields(item));
  }

  /** {@code categoryName} first, then {@code categories}, without repeats. */
  public List<String> allCategories() {
    Set<String> all = new LinkedHashSet<>();
    if (categoryName != null) {
      all.add(categoryName);
    }
    all.addAll(categories);
    return List.copyOf(all);
  }

  /** The business status Apify's flags imply, until verification says otherwise. */
  public String businessStatus() {
    if (permanentlyClosed) {
      return "CLOSED_PERMANENTLY";
    }
    return temporarilyClosed ? "CLOSED_TEMPORARILY" : "OPERATIONAL";
  }

  /** The address a verification search uses: the formatted address, else the name. */
  public String verificationQuery() {
    return address != null && !address.isBlank() ? address : title;
  }

  private static void addText(List<String> into, JsonNode node) {
    if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) {
      into.add(node.asText().trim());
    }
  }

  private static String text(JsonNode item, String field) {
    JsonNode node = item.get(field);
    if (node == null || node.isNull() || !node.isValueNode()) {
      return null;
    }
    String text = node.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String firstText(JsonNode item, String... fields) {
    for (String field : fields) {
      String text = text(item, field);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static Double number(JsonNode parent, String... fields) {
    for (String field : fields) {
      JsonNode node = parent.get(field);
      if (node == null || node.isNull()) {
        continue;
      }
      if (node.isNumber()) {
        return node.doubleValue();
      }
      try {
        double value = Double.parseDouble(node.asText().trim());
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // A coordinate that is not a number is no coordinate; distance scoring copes without.
      }
    }
    return null;
  }

  private static boolean flag(JsonNode item, String field) {
    JsonNode node = item.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    return node.isBoolean()
        ? node.booleanValue()
        : "true".equals(node.asText().trim().toLowerCase(Locale.ROOT));
  }

  private static int countFields(JsonNode item) {
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
}
