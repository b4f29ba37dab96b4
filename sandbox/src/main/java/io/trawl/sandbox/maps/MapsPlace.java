package io.trawl.sandbox.maps;

import java.util.List;

/**
 * One place of the {@link MapsUniverse}, with everything both fakes render from it: the Apify item
 * (PROVIDERS.md §2, §7 field names) and the Places API (New) place (§3).
 *
 * @param placeId Google's place id, the natural key; same in both fakes
 * @param street house number and street, e.g. "2300 Market St"
 * @param city the city Google files the place under (may differ from the city searched for)
 * @param state the full state name ("California"), as the Apify actor writes it
 * @param stateCode two letters, as addresses write it
 * @param website null when the place has none; sometimes without a scheme ("www.x.com")
 * @param phone national format, null when the place has none
 * @param totalScore null for an unrated place
 * @param reviewsCount null for an unrated place
 * @param scoreKeysMissing the item leaves {@code totalScore}/{@code reviewsCount} out instead of
 *     writing null (both happen)
 * @param openingHours one entry per day, Monday first
 * @param types Places API types, primary first
 * @param knownToPlaces false for a place too new for Google's index: Text Search finds nothing
 * @param kind the truth, for tests
 */
public record MapsPlace(
    String placeId,
    String cid,
    String title,
    String categoryName,
    List<String> categories,
    String street,
    String city,
    String postalCode,
    String state,
    String stateCode,
    String countryCode,
    String phone,
    String phoneUnformatted,
    String website,
    double lat,
    double lng,
    Double totalScore,
    Integer reviewsCount,
    boolean scoreKeysMissing,
    boolean permanentlyClosed,
    boolean temporarilyClosed,
    List<Hours> openingHours,
    List<String> types,
    boolean knownToPlaces,
    PlaceKind kind) {

  public MapsPlace {
    categories = List.copyOf(categories);
    types = List.copyOf(types);
    openingHours = List.copyOf(openingHours);
  }

  /** "2300 Market St, San Francisco, CA 94114": Apify's {@code address}. */
  public String address() {
    return street + ", " + city + ", " + stateCode + " " + postalCode;
  }

  /** "2300 Market St, San Francisco, CA 94114, USA": Places' {@code formattedAddress}. */
  public String formattedAddress() {
    return address() + ", USA";
  }

  /** OPERATIONAL, CLOSED_TEMPORARILY or CLOSED_PERMANENTLY, as the Places API says it. */
  public String businessStatus() {
    if (permanentlyClosed) {
      return "CLOSED_PERMANENTLY";
    }
    return temporarilyClosed ? "CLOSED_TEMPORARILY" : "OPERATIONAL";
  }

  /** One day of {@code openingHours}: {@code {"day":"Monday","hours":"9 AM to 6 PM"}}. */
  public record Hours(String day, String hours) {}
}
