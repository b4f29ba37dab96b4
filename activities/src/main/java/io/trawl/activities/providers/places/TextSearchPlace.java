package io.trawl.activities.providers.places;

import java.util.List;

/**
 * One place of a Text Search (New) answer. Fields outside the request's mask, and data Google does
 * not have, are null (or an empty list): Google omits them rather than sending null.
 *
 * @param businessStatus OPERATIONAL, CLOSED_TEMPORARILY, CLOSED_PERMANENTLY, or null when absent
 */
public record TextSearchPlace(
    String id,
    String displayName,
    String formattedAddress,
    Double latitude,
    Double longitude,
    String businessStatus,
    List<String> types,
    String primaryType,
    String nationalPhoneNumber,
    String websiteUri) {

  public static final String CLOSED_PERMANENTLY = "CLOSED_PERMANENTLY";

  public TextSearchPlace {
    types = types == null ? List.of() : List.copyOf(types);
  }

  public boolean isClosedPermanently() {
    return CLOSED_PERMANENTLY.equals(businessStatus);
  }
}
