package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one Apify Google Maps item into an {@link ApifyPlace}, tolerating what the actor's output
 * really holds: numbers as strings ("4.5", "1,234"), booleans as strings, missing keys, null
 * scores, a category list given as one string, coordinates as {@code location{lat,lng}} or as
 * top-level fields.
 *
 * <p>Pure and thread-safe. An item without a title, or with neither a place id nor an address to
 * dedupe on, throws {@link MalformedPlaceException} naming the field.
 */
public final class ApifyPlaceParser {

  public ApifyPlace parse(JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new MalformedPlaceException("item", "not a JSON object");
    }
    String title = text(item, "title");
    if (title == null) {
      title = text(item, "name");
    }
    if (title == null) {
      throw new MalformedPlaceException("title", "missing or blank");
    }
    String placeId = text(item, "placeId");
    String address = text(item, "address");
    if (placeId == null && address == null) {
      throw new MalformedPlaceException("placeId", "missing, and no address to dedupe on either");
    }
    JsonNode location = item.path("location");
    return new ApifyPlace(
        placeId,
        title,
        text(item, "categoryName"),
        strings(item.get("categories")),
        address,
        text(item, "street"),
        text(item, "city"),
        text(item, "postalCode"),
        text(item, "state"),
        upper(text(item, "countryCode")),
        text(item, "phone"),
        text(item, "phoneUnformatted"),
        text(item, "website"),
        decimal(location.isObject() ? location : item, "lat", "latitude"),
        decimal(location.isObject() ? location : item, "lng", "longitude"),
        decimal(item, "totalScore"),
        whole(item, "reviewsCount"),
        flag(item, "permanentlyClosed"),
        flag(item, "temporarilyClosed"),
        text(item, "searchString"),
        whole(item, "rank"),
        hours(item.get("openingHours")));
  }

  /** Text of a string, number or boolean field; null when missing, null, blank or structured. */
  private static String text(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The first of {@code fields} that holds a number or a numeric string. */
  private static Double decimal(JsonNode item, String... fields) {
    for (String field : fields) {
      JsonNode value = item.get(field);
      if (value == null || value.isNull()) {
        continue;
      }
      if (value.isNumber()) {
        return value.asDouble();
      }
      String text = value.asText().strip().replace(",", "");
      if (text.isEmpty()) {
        continue;
      }
      try {
        double parsed = Double.parseDouble(text);
        if (Double.isFinite(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        throw new MalformedPlaceException(field, "not a number: \"" + value.asText() + "\"");
      }
    }
    return null;
  }

  private static Integer whole(JsonNode item, String field) {
    Double value = decimal(item, field);
    return value == null ? null : (int) Math.round(value);
  }

  /** true, "true", 1 or "yes" are true; anything else (missing included) is false. */
  private static boolean flag(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.asInt() != 0;
    }
    String text = value.asText().strip().toLowerCase(Locale.ROOT);
    return text.equals("true") || text.equals("yes") || text.equals("1");
  }

  private static List<String> strings(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      for (JsonNode entry : value) {
        if (entry.isValueNode() && !entry.isNull() && !entry.asText().isBlank()) {
          out.add(entry.asText().strip());
        }
      }
    } else if (value.isValueNode()) {
      for (String part : value.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static List<ApifyPlace.OpeningHours> hours(JsonNode value) {
    List<ApifyPlace.OpeningHours> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (JsonNode day : value) {
        String name = text(day, "day");
        if (name != null) {
          out.add(new ApifyPlace.OpeningHours(name, text(day, "hours")));
        }
      }
    }
    return out;
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
