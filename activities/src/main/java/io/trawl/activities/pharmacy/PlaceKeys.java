package io.trawl.activities.pharmacy;

import io.trawl.activities.providers.apify.ApifyPlace;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The natural key of a place: Google's {@code placeId}, else normalized name, address and phone.
 *
 * <p>The original meant to key on name + address + zip but read fields Apify items do not have, so
 * it keyed on the address alone; places on one address (a pharmacy inside a supermarket) then
 * collapsed into one. The fallback here keeps name and phone in the key.
 */
public final class PlaceKeys {
  private PlaceKeys() {}

  public static String keyOf(ApifyPlace place) {
    if (place.placeId() != null) {
      return place.placeId();
    }
    return "n:"
        + normalize(place.title())
        + "|"
        + normalize(place.address())
        + "|"
        + digits(place.dialPhone());
  }

  /** Lower case, accents and punctuation dropped, whitespace collapsed. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    return plain.trim().replaceAll(" +", " ");
  }

  /** The last ten digits, so "+1 (415) 555-0100" and "415.555.0100" agree. */
  static String digits(String phone) {
    if (phone == null) {
      return "";
    }
    String digits = phone.replaceAll("\\D", "");
    return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
  }
}
