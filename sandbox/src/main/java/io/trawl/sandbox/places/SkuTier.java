package io.trawl.sandbox.places;

import java.util.Set;

/**
 * The Text Search (New) SKU a field mask bills (PROVIDERS.md §3): every request is billed at the
 * highest tier any masked field hits.
 */
public enum SkuTier {
  IDS_ONLY,
  PRO,
  ENTERPRISE,
  ATMOSPHERE;

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

  /** The tier of one mask path ("places.displayName.text", "nextPageToken", "*"). */
  static SkuTier ofPath(String path) {
    if (path.equals("*") || path.equals("places") || path.equals("places.*")) {
      return ATMOSPHERE;
    }
    if (path.equals("nextPageToken")) {
      return IDS_ONLY;
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

  /** The tier a whole mask bills: the highest of its paths. */
  static SkuTier ofMask(Iterable<String> paths) {
    SkuTier highest = IDS_ONLY;
    for (String path : paths) {
      SkuTier tier = ofPath(path);
      if (tier.compareTo(highest) > 0) {
        highest = tier;
      }
    }
    return highest;
  }
}
