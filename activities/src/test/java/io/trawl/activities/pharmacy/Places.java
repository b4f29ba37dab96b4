package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static PlaceItem place(String title, String categoryName, String... categories) {
    return PlaceItem.fromJson(item(title, categoryName, categories));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
