package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.providers.apify.ApifyPlace;
import io.trawl.activities.providers.apify.ApifyPlaceParser;
import java.util.List;

/** Builds actor items for tests, in the field names the real actor uses. */
final class Places {
  static final ObjectMapper JSON = new ObjectMapper();

  private Places() {}

  static ObjectNode item(String title, String categoryName, String... categories) {
    ObjectNode item = JSON.createObjectNode();
    if (title != null) {
      item.put("title", title);
    }
    if (categoryName != null) {
      item.put("categoryName", categoryName);
    }
    if (categories.length > 0) {
      item.set("categories", JSON.valueToTree(List.of(categories)));
    }
    return item;
  }

  /** A parsed place; the place id only satisfies the parser, classification never reads it. */
  static ApifyPlace place(String title, String categoryName, String... categories) {
    ObjectNode item = item(title, categoryName, categories);
    item.put("placeId", "ChIJ-" + title);
    return new ApifyPlaceParser().parse(item);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
