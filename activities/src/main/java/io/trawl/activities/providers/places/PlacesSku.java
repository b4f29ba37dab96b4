package io.trawl.activities.providers.places;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The Text Search (New) SKU a field mask bills, and its list price per request (PROVIDERS.md §3,
 * 2025, approximate). Google bills each request, each page included, at the highest SKU any masked
 * field hits.
 *
 * <p>A field this class does not know is priced as {@link #ATMOSPHERE}, the dearest, so a budget
 * never underestimates a mask it has not seen.
 */
public enum PlacesSku {
  /** {@code places.id}, {@code places.name}, {@code nextPageToken}: free. */
  IDS_ONLY("0.000"),
  /** Names, addresses, location, types, business status: ≈ $32 per 1,000. */
  PRO("0.032"),
  /** Phones, website, rating, opening hours: ≈ $35 per 1,000. */
  ENTERPRISE("0.035"),
  /** Reviews, amenities, or {@code *}: ≈ $40 per 1,000. */
  ATMOSPHERE("0.040");

  private static final Set<String> IDS = Set.of("id", "name", "attributions");
  private static final Set<String> PRO_FIELDS =
      Set.of(
          "accessibilityOptions",
          "addressComponents",
          "adrFormatAddress",
          "businessStatus",
          "containingPlaces",
          "displayName",
          "formattedAddress",
          "googleMapsLinks",
          "googleMapsUri",
          "iconBackgroundColor",
          "iconMaskBaseUri",
          "location",
          "photos",
          "plusCode",
          "postalAddress",
          "primaryType",
          "primaryTypeDisplayName",
          "pureServiceAreaBusiness",
          "shortFormattedAddress",
          "subDestinations",
          "types",
          "utcOffsetMinutes",
          "viewport");
  private static final Set<String> ENTERPRISE_FIELDS =
      Set.of(
          "currentOpeningHours",
          "currentSecondaryOpeningHours",
          "internationalPhoneNumber",
          "nationalPhoneNumber",
          "priceLevel",
          "priceRange",
          "rating",
          "regularOpeningHours",
          "regularSecondaryOpeningHours",
          "userRatingCount",
          "websiteUri");

  private final BigDecimal priceUsd;

  PlacesSku(String priceUsd) {
    this.priceUsd = new BigDecimal(priceUsd);
  }

  /** The list price of one request (one page) at this SKU, in US dollars. */
  public BigDecimal priceUsd() {
    return priceUsd;
  }

  /**
   * The SKU a comma-separated mask bills, e.g. {@code "places.id,places.displayName,nextPageToken"}
   * → {@link #PRO}.
   *
   * @throws IllegalArgumentException for a blank mask, which Google refuses
   */
  public static PlacesSku of(String fieldMask) {
    if (fieldMask == null || fieldMask.isBlank()) {
      throw new IllegalArgumentException("a Places field mask is required and this one is blank");
    }
    PlacesSku highest = IDS_ONLY;
    for (String path : fieldMask.split(",")) {
      PlacesSku sku = ofPath(path.strip());
      if (sku.compareTo(highest) > 0) {
        highest = sku;
      }
    }
    return highest;
  }

  private static PlacesSku ofPath(String path) {
    if (path.isEmpty() || path.equals("nextPageToken")) {
      return IDS_ONLY;
    }
    if (path.equals("*") || path.equals("places") || path.equals("places.*")) {
      return ATMOSPHERE;
    }
    String field = path.startsWith("places.") ? path.substring("places.".length()) : path;
    int dot = field.indexOf('.');
    String top = dot < 0 ? field : field.substring(0, dot);
    if (IDS.contains(top)) {
      return IDS_ONLY;
    }
    if (PRO_FIELDS.contains(top)) {
      return PRO;
    }
    return ENTERPRISE_FIELDS.contains(top) ? ENTERPRISE : ATMOSPHERE;
  }
}
