package io.trawl.sandbox.maps;

import io.trawl.sandbox.maps.MapsPlace.Hours;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Builds place number {@code index} of a city's pool, always the same way.
 *
 * <p>The first places of every pool are fixed so each search shows the cases a pipeline must handle
 * (see {@link #HEAD}); later places are drawn from a weighted mix of kinds.
 */
final class PlaceFactory {
  /**
   * Kinds of the fixed head: 0 CVS, 1 Walgreens, 2 independent, 3 Kaiser, 4 compounding, 5
   * veterinary, 6 closed for good, 7 clinic, 8 mall, 9 independent in a neighbouring town, 10 Rite
   * Aid, 11 Safeway, 12 closed for now, 13 unknown to the Places API, 14 department store.
   */
  static final List<PlaceKind> HEAD =
      List.of(
          PlaceKind.CHAIN,
          PlaceKind.CHAIN,
          PlaceKind.INDEPENDENT,
          PlaceKind.HOSPITAL,
          PlaceKind.COMPOUNDING,
          PlaceKind.VETERINARY,
          PlaceKind.INDEPENDENT,
          PlaceKind.CLINIC,
          PlaceKind.MALL,
          PlaceKind.INDEPENDENT,
          PlaceKind.CHAIN,
          PlaceKind.CHAIN,
          PlaceKind.INDEPENDENT,
          PlaceKind.INDEPENDENT,
          PlaceKind.DEPARTMENT_STORE);

  static final int CLOSED_PERMANENTLY = 6;
  static final int NEIGHBOUR_TOWN = 9;
  static final int CLOSED_TEMPORARILY = 12;
  static final int UNKNOWN_TO_PLACES = 13;

  private static final List<String> CHAINS =
      List.of(
          "CVS Pharmacy",
          "Walgreens",
          "Rite Aid",
          "Safeway Pharmacy",
          "Walmart Pharmacy",
          "Costco Pharmacy",
          "Kroger Pharmacy",
          "Albertsons Pharmacy",
          "Target Pharmacy",
          "Sam's Club Pharmacy",
          "Publix Pharmacy",
          "H-E-B Pharmacy",
          "Fred Meyer Pharmacy",
          "Walgreens Pharmacy",
          "CVS");
  private static final List<String> SURNAMES =
      List.of(
          "Nguyen", "Patel", "Garcia", "O'Brien", "Kim", "Rossi", "Cohen", "Okafor", "Larsen",
          "Haddad", "Chen", "Moreno", "Walsh", "Tanaka", "Schmidt", "Alvarez");
  private static final List<String> STREETS =
      List.of(
          "Market St",
          "Mission St",
          "Main St",
          "Broadway",
          "Oak St",
          "Pine St",
          "Elm Ave",
          "Valencia St",
          "Geary Blvd",
          "Park Ave",
          "1st Ave",
          "Lincoln Blvd",
          "Washington St",
          "Church St",
          "Castro St",
          "Lake St",
          "Sunset Blvd",
          "Union St",
          "Grand Ave",
          "Clement St");
  private static final List<String> SAINTS =
      List.of("St. Mary's", "Mercy", "Sutter", "Providence", "Good Samaritan", "Memorial");
  private static final List<String> DAYS =
      List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  private PlaceFactory() {}

  static MapsPlace build(City city, int index) {
    long seed = Hashes.of("place", city.key(), Integer.toString(index));
    PlaceKind kind = index < HEAD.size() ? HEAD.get(index) : drawKind(seed);
    boolean neighbour =
        index == NEIGHBOUR_TOWN || (index >= HEAD.size() && Hashes.unit(seed, 10) < 0.08);
    String town = neighbour ? city.neighbours().get(0) : city.name();
    String street = (100 + Hashes.bounded(seed, 11, 4800)) + " " + Hashes.pick(seed, 12, STREETS);
    String title = title(kind, index, seed, city, street);
    double spread = neighbour ? 0.12 : 0.0;
    double lat = city.lat() + spread + (Hashes.unit(seed, 13) - 0.5) * 0.07;
    double lng = city.lng() + spread + (Hashes.unit(seed, 14) - 0.5) * 0.09;
    String zip =
        city.zipPrefix() + String.format(Locale.ROOT, "%02d", 2 + Hashes.bounded(seed, 15, 97));
    String digits =
        (200 + Hashes.bounded(seed, 16, 800)) + "" + (1000 + Hashes.bounded(seed, 17, 9000));
    boolean hasPhone = kind != PlaceKind.MALL || index % 2 == 0;
    hasPhone &= Hashes.unit(seed, 18) >= 0.05;
    boolean unrated = index == 2 || (index >= HEAD.size() && Hashes.unit(seed, 19) < 0.1);
    Double score = unrated ? null : 1.0 + Hashes.bounded(seed, 20, 41) / 10.0;
    Integer reviews = unrated ? null : 1 + Hashes.bounded(seed, 21, 900);
    return new MapsPlace(
        placeId(seed),
        Long.toUnsignedString(Hashes.mix(seed, 22)),
        title,
        categoryName(kind),
        categories(kind),
        street,
        town,
        zip,
        city.stateName(),
        city.stateCode(),
        "US",
        hasPhone
            ? "(" + city.areaCode() + ") " + digits.substring(0, 3) + "-" + digits.substring(3)
            : null,
        hasPhone ? "+1" + city.areaCode() + digits : null,
        website(kind, title, seed),
        round(lat),
        round(lng),
        score,
        reviews,
        unrated && Hashes.unit(seed, 23) < 0.5,
        index == CLOSED_PERMANENTLY,
        index == CLOSED_TEMPORARILY,
        hours(kind, seed),
        types(kind),
        index != UNKNOWN_TO_PLACES,
        kind);
  }

  private static PlaceKind drawKind(long seed) {
    int roll = Hashes.bounded(seed, 1, 100);
    if (roll < 35) {
      return PlaceKind.CHAIN;
    }
    if (roll < 70) {
      return PlaceKind.INDEPENDENT;
    }
    if (roll < 78) {
      return PlaceKind.HOSPITAL;
    }
    if (roll < 84) {
      return PlaceKind.COMPOUNDING;
    }
    if (roll < 87) {
      return PlaceKind.VETERINARY;
    }
    if (roll < 93) {
      return PlaceKind.CLINIC;
    }
    return roll < 96 ? PlaceKind.MALL : PlaceKind.DEPARTMENT_STORE;
  }

  private static String title(PlaceKind kind, int index, long seed, City city, String street) {
    String surname = Hashes.pick(seed, 2, SURNAMES);
    String streetName = street.substring(street.indexOf(' ') + 1);
    return switch (kind) {
      case CHAIN ->
          switch (index) {
            case 0 -> "CVS Pharmacy";
            case 1 -> "Walgreens";
            case 10 -> "Rite Aid";
            case 11 -> "Safeway Pharmacy";
            default -> Hashes.pick(seed, 3, CHAINS);
          };
      case INDEPENDENT ->
          switch (Hashes.bounded(seed, 4, 4)) {
            case 0 -> streetName.replaceAll(" (St|Ave|Blvd)$", "") + " Pharmacy";
            case 1 -> surname + " Pharmacy";
            case 2 -> surname + "'s Drugs";
            default -> city.name() + " Apothecary";
          };
      case HOSPITAL ->
          Hashes.bounded(seed, 5, 2) == 0 || index == 3
              ? "Kaiser Permanente " + city.name() + " Medical Center Pharmacy"
              : Hashes.pick(seed, 6, SAINTS) + " Medical Center Pharmacy";
      case COMPOUNDING -> surname + " Compounding Pharmacy";
      case VETERINARY -> city.name() + " Veterinary Pharmacy";
      case CLINIC -> streetName.replaceAll(" (St|Ave|Blvd)$", "") + " Medical Clinic";
      case MALL -> city.name() + " Centre";
      case DEPARTMENT_STORE -> Hashes.bounded(seed, 7, 2) == 0 ? "Macy's" : "Nordstrom";
    };
  }

  private static String categoryName(PlaceKind kind) {
    return categories(kind).get(0);
  }

  private static List<String> categories(PlaceKind kind) {
    return switch (kind) {
      case CHAIN -> List.of("Pharmacy", "Drug store", "Convenience store");
      case INDEPENDENT -> List.of("Pharmacy", "Drug store");
      case HOSPITAL -> List.of("Pharmacy", "Hospital");
      case COMPOUNDING -> List.of("Compounding pharmacy", "Pharmacy");
      case VETERINARY -> List.of("Veterinary pharmacy", "Pet supply store");
      case CLINIC -> List.of("Medical clinic", "Urgent care center");
      case MALL -> List.of("Shopping mall");
      case DEPARTMENT_STORE -> List.of("Department store", "Clothing store");
    };
  }

  private static List<String> types(PlaceKind kind) {
    return switch (kind) {
      case CHAIN -> List.of("drugstore", "pharmacy", "health", "store");
      case INDEPENDENT, COMPOUNDING -> List.of("pharmacy", "health", "store");
      case HOSPITAL -> List.of("pharmacy", "hospital", "health");
      case VETERINARY -> List.of("pharmacy", "veterinary_care", "pet_store");
      case CLINIC -> List.of("medical_clinic", "doctor", "health");
      case MALL -> List.of("shopping_mall");
      case DEPARTMENT_STORE -> List.of("department_store", "clothing_store", "store");
    };
  }

  /** Null for some places; independents often give a bare host without a scheme. */
  private static String website(PlaceKind kind, String title, long seed) {
    double roll = Hashes.unit(seed, 30);
    if (roll < 0.12) {
      return null;
    }
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    if (kind == PlaceKind.CHAIN || kind == PlaceKind.DEPARTMENT_STORE) {
      String brand = slug.replace("pharmacy", "");
      return "https://www." + (brand.isEmpty() ? slug : brand) + ".com/";
    }
    return roll < 0.35 ? "www." + slug + ".com" : "https://" + slug + ".com/";
  }

  private static List<Hours> hours(PlaceKind kind, long seed) {
    List<Hours> week = new ArrayList<>(7);
    boolean allDay = kind == PlaceKind.HOSPITAL && Hashes.unit(seed, 31) < 0.5;
    for (String day : DAYS) {
      String hours;
      if (allDay) {
        hours = "Open 24 hours";
      } else if (day.equals("Sunday") && kind != PlaceKind.CHAIN) {
        hours = "Closed";
      } else if (day.equals("Saturday")) {
        hours = "10 AM to 5 PM";
      } else {
        hours = kind == PlaceKind.CHAIN ? "8 AM to 9 PM" : "9 AM to 6 PM";
      }
      week.add(new Hours(day, hours));
    }
    return week;
  }

  /** "ChIJ" and 23 URL-safe characters, the shape of a real place id. */
  private static String placeId(long seed) {
    byte[] bytes = new byte[18];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Hashes.mix(seed, 100 + i);
    }
    return "ChIJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 23);
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
