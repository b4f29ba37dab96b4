package io.trawl.sandbox.maps;

import java.util.List;
import java.util.Locale;

/**
 * A city places are generated around: its centre, its ZIP prefix and area code, and the
 * neighbouring towns whose places a search for the city also returns.
 */
record City(
    String name,
    String stateCode,
    double lat,
    double lng,
    String zipPrefix,
    String areaCode,
    List<String> neighbours) {

  private static final List<City> KNOWN =
      List.of(
          new City("San Francisco", "CA", 37.7749, -122.4194, "941", "415", List.of("Daly City")),
          new City("Los Angeles", "CA", 34.0522, -118.2437, "900", "213", List.of("Glendale")),
          new City("Oakland", "CA", 37.8044, -122.2712, "946", "510", List.of("Berkeley")),
          new City("San Diego", "CA", 32.7157, -117.1611, "921", "619", List.of("Chula Vista")),
          new City("Austin", "TX", 30.2672, -97.7431, "787", "512", List.of("Round Rock")),
          new City("Houston", "TX", 29.7604, -95.3698, "770", "713", List.of("Pasadena")),
          new City("Seattle", "WA", 47.6062, -122.3321, "981", "206", List.of("Bellevue")),
          new City("Portland", "OR", 45.5152, -122.6784, "972", "503", List.of("Beaverton")),
          new City("New York", "NY", 40.7128, -74.0060, "100", "212", List.of("Brooklyn")),
          new City("Chicago", "IL", 41.8781, -87.6298, "606", "312", List.of("Evanston")),
          new City("Denver", "CO", 39.7392, -104.9903, "802", "303", List.of("Aurora")),
          new City("Anchorage", "AK", 61.2181, -149.9003, "995", "907", List.of("Eagle River")),
          new City("Boston", "MA", 42.3601, -71.0589, "021", "617", List.of("Cambridge")),
          new City("Miami", "FL", 25.7617, -80.1918, "331", "305", List.of("Miami Beach")));

  /** The state's full name ("California"). */
  String stateName() {
    String name = UsStates.name(stateCode);
    return name == null ? stateCode : name;
  }

  /** A stable key: "san francisco|ca". */
  String key() {
    return name.toLowerCase(Locale.ROOT) + "|" + stateCode.toLowerCase(Locale.ROOT);
  }

  /**
   * The city a location query names: "San Francisco, CA", "Austin, Texas, USA" or just "Denver".
   * Unknown cities get a made-up but stable centre, ZIP prefix and area code; a missing or unknown
   * state becomes California.
   */
  static City resolve(String locationQuery) {
    String[] parts = locationQuery == null ? new String[0] : locationQuery.split(",");
    String name = parts.length == 0 ? "" : parts[0].strip();
    if (name.isEmpty()) {
      name = "San Francisco";
    }
    String code = parts.length > 1 ? UsStates.code(parts[1]) : null;
    for (City city : KNOWN) {
      if (city.name.equalsIgnoreCase(name) && (code == null || city.stateCode.equals(code))) {
        return city;
      }
    }
    String state = code == null ? "CA" : code;
    long seed = Hashes.of("city", name, state);
    double lat = 30 + Hashes.unit(seed, 1) * 15;
    double lng = -120 + Hashes.unit(seed, 2) * 45;
    String zip = String.format(Locale.ROOT, "%03d", 100 + Hashes.bounded(seed, 3, 890));
    String area = String.valueOf(201 + Hashes.bounded(seed, 4, 780));
    return new City(
        titleCase(name), state, lat, lng, zip, area, List.of("North " + titleCase(name)));
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
          .append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
