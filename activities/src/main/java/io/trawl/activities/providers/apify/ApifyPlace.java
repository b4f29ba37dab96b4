package io.trawl.activities.providers.apify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One Google Maps place from the actor's dataset, read by {@link ApifyPlaceParser}. Absent values
 * are null (or empty lists), never guessed.
 *
 * @param placeId Google's place id, the natural key; null only when the item has an address to
 *     dedupe on instead
 * @param title the place's name (Apify says {@code title}, not name)
 * @param state the full state name as the actor writes it ("California")
 * @param website as given, possibly without a scheme; see {@link #websiteUrl()}
 * @param totalScore null for an unrated place
 * @param reviewsCount null for an unrated place
 * @param searchString the search that found the item
 * @param rank the item's position in that search, 1 first
 */
public record ApifyPlace(
    String placeId,
    String title,
    String categoryName,
    List<String> categories,
    String address,
    String street,
    String city,
    String postalCode,
    String state,
    String countryCode,
    String phone,
    String phoneUnformatted,
    String website,
    Double latitude,
    Double longitude,
    Double totalScore,
    Integer reviewsCount,
    boolean permanentlyClosed,
    boolean temporarilyClosed,
    String searchString,
    Integer rank,
    List<OpeningHours> openingHours) {

  public ApifyPlace {
    categories = categories == null ? List.of() : List.copyOf(categories);
    openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
  }

  /** The website with a scheme ("www.x.com" → "https://www.x.com"); null when there is none. */
  public String websiteUrl() {
    if (website == null) {
      return null;
    }
    return website.contains("://") ? website : "https://" + website;
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

  /** The E.164 number when the actor gives one ({@code phoneUnformatted}), else the display one. */
  public String dialPhone() {
    return phoneUnformatted != null ? phoneUnformatted : phone;
  }

  /** The business status the actor's flags imply, in Places API (New) terms. */
  public String businessStatus() {
    if (permanentlyClosed) {
      return "CLOSED_PERMANENTLY";
    }
    return temporarilyClosed ? "CLOSED_TEMPORARILY" : "OPERATIONAL";
  }

  /** One day of {@code openingHours}: {@code {"day":"Monday","hours":"9 AM to 6 PM"}}. */
  public record OpeningHours(String day, String hours) {}
}
