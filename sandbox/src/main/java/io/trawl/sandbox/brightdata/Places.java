package io.trawl.sandbox.brightdata;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns the search location into the {@code job_location} strings LinkedIn shows, with their
 * inconsistent detail ("Rotterdam, South Holland, Netherlands", "Rotterdam, Netherlands",
 * "Netherlands").
 */
final class Places {
  /**
   * @param countryCode ISO country code for {@code country_code}
   * @param jobLocations spellings to draw from; repeats weight the draw
   */
  record Place(String countryCode, List<String> jobLocations) {}

  private static final Map<String, Place> KNOWN =
      Map.ofEntries(
          Map.entry(
              "netherlands",
              new Place(
                  "NL",
                  List.of(
                      "Amsterdam, North Holland, Netherlands",
                      "Amsterdam, North Holland, Netherlands",
                      "Amsterdam, Netherlands",
                      "Rotterdam, South Holland, Netherlands",
                      "Rotterdam, Netherlands",
                      "Utrecht, Utrecht, Netherlands",
                      "The Hague, South Holland, Netherlands",
                      "Eindhoven, North Brabant, Netherlands",
                      "Groningen, Groningen, Netherlands",
                      "Amstelveen, North Holland, Netherlands",
                      "Netherlands"))),
          Map.entry(
              "amsterdam",
              new Place(
                  "NL",
                  List.of(
                      "Amsterdam, North Holland, Netherlands",
                      "Amsterdam, North Holland, Netherlands",
                      "Amsterdam, Netherlands",
                      "Amstelveen, North Holland, Netherlands",
                      "Amsterdam Area"))),
          Map.entry(
              "rotterdam",
              new Place(
                  "NL",
                  List.of(
                      "Rotterdam, South Holland, Netherlands",
                      "Rotterdam, Netherlands",
                      "Schiedam, South Holland, Netherlands"))),
          Map.entry(
              "utrecht",
              new Place("NL", List.of("Utrecht, Utrecht, Netherlands", "Utrecht, Netherlands"))),
          Map.entry(
              "germany",
              new Place(
                  "DE",
                  List.of(
                      "Berlin, Berlin, Germany",
                      "Munich, Bavaria, Germany",
                      "Hamburg, Hamburg, Germany",
                      "Germany"))),
          Map.entry(
              "berlin", new Place("DE", List.of("Berlin, Berlin, Germany", "Berlin, Germany"))),
          Map.entry(
              "belgium",
              new Place(
                  "BE",
                  List.of(
                      "Brussels, Brussels Region, Belgium",
                      "Antwerp, Flemish Region, Belgium",
                      "Belgium"))),
          Map.entry(
              "united kingdom",
              new Place(
                  "GB",
                  List.of(
                      "London, England, United Kingdom",
                      "Manchester, England, United Kingdom",
                      "United Kingdom"))),
          Map.entry(
              "london",
              new Place(
                  "GB", List.of("London, England, United Kingdom", "London Area, United Kingdom"))),
          Map.entry(
              "united states",
              new Place(
                  "US",
                  List.of("New York, NY", "San Francisco, CA", "Austin, TX", "United States"))));

  private Places() {}

  /** The known place, else the search text itself with the input's country code (may be ""). */
  static Place resolve(String location, String country) {
    Place known = KNOWN.get(Seeds.normalize(location));
    if (known != null) {
      return known;
    }
    String code = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
    return new Place(code, List.of(location.strip()));
  }

  static String pick(Place place, SplittableRandom random) {
    List<String> options = place.jobLocations();
    return options.get(random.nextInt(options.size()));
  }
}
