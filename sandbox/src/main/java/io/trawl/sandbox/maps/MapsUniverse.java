package io.trawl.sandbox.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic Google Maps that {@code FakeApify} and {@code FakePlaces} both serve: which
 * places a search returns depends only on (search string, location), so two processes agree.
 *
 * <p>Each city has an endless pool of places; a search walks it and keeps about three in four, but
 * always the fifteen that open it, so two searches in one city share places (one place, several
 * searches). The pool opens with the cases a pharmacy pipeline must handle: chains, an independent,
 * Kaiser, a compounding and a veterinary pharmacy, a place closed for good, a clinic, a mall, a
 * place in a neighbouring town, a place closed for now and one the Places API does not know.
 * Thread-safe.
 */
public final class MapsUniverse {
  /** Places of a city looked at when a text search names an address not yet seen. */
  private static final int WARM_POOL = 200;

  private static final Pattern ADDRESS_CITY =
      Pattern.compile("^[^,]+,\\s*([^,]+),\\s*([A-Za-z]{2})\\s+\\d{5}");
  private static final Pattern IN_LOCATION = Pattern.compile("(?i)^(.+?)\\s+in\\s+(.+)$");

  private final Integer placesPerSearch;
  private final Map<String, MapsPlace> byId = new ConcurrentHashMap<>();
  private final Map<String, MapsPlace> byAddress = new ConcurrentHashMap<>();
  private final Map<String, List<MapsPlace>> byName = new ConcurrentHashMap<>();
  private final Map<String, Boolean> warmed = new ConcurrentHashMap<>();

  /** Searches return their natural 20–40 places. */
  public MapsUniverse() {
    this(null);
  }

  /**
   * @param placesPerSearch every search returns exactly this many places (still capped by the
   *     caller's limit); null for the natural 20–40, e.g. 20_000 for a bench
   */
  public MapsUniverse(Integer placesPerSearch) {
    if (placesPerSearch != null && placesPerSearch < 0) {
      throw new IllegalArgumentException(
          "placesPerSearch must be 0 or more, got " + placesPerSearch);
    }
    this.placesPerSearch = placesPerSearch;
  }

  /**
   * The places a Google Maps search for {@code searchString} near {@code locationQuery} returns,
   * best ranked first. A search string "pharmacy in Austin, TX" names its own location when {@code
   * locationQuery} is blank.
   */
  public List<MapsPlace> search(String searchString, String locationQuery, int limit) {
    String query = searchString == null ? "" : searchString.strip();
    String location = locationQuery;
    Matcher in = IN_LOCATION.matcher(query);
    if ((location == null || location.isBlank()) && in.matches()) {
      query = in.group(1);
      location = in.group(2);
    }
    City city = City.resolve(location);
    long seed = Hashes.of("search", query, city.key());
    int wanted = placesPerSearch != null ? placesPerSearch : 20 + Hashes.bounded(seed, 0, 21);
    int count = Math.max(0, Math.min(wanted, limit));
    List<MapsPlace> places = new ArrayList<>(count);
    for (int index = 0; places.size() < count; index++) {
      if (index < PlaceFactory.HEAD.size() || Hashes.unit(seed, index) < 0.75) {
        places.add(place(city, index));
      }
    }
    return places;
  }

  public Optional<MapsPlace> byPlaceId(String placeId) {
    return Optional.ofNullable(byId.get(placeId));
  }

  /**
   * What a Places text search for {@code text} finds: the place at that address, else the places
   * with that name, else, for "pharmacy in Austin, TX", that search's places. Places the Places API
   * does not know are left out. Empty when nothing matches.
   */
  public List<MapsPlace> findByText(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Matcher address = ADDRESS_CITY.matcher(text.strip());
    if (address.find()) {
      warm(City.resolve(address.group(1) + ", " + address.group(2)));
    }
    List<MapsPlace> found = lookUp(text);
    if (found.isEmpty()) {
      Matcher in = IN_LOCATION.matcher(text.strip());
      if (in.matches()) {
        found = search(in.group(1), in.group(2), 60);
      }
    }
    return found.stream().filter(MapsPlace::knownToPlaces).toList();
  }

  /** By address, also after a leading name ("CVS Pharmacy, 1 Main St, …"), else by name. */
  private List<MapsPlace> lookUp(String text) {
    int from = 0;
    while (true) {
      MapsPlace atAddress = byAddress.get(normalize(text.substring(from)));
      if (atAddress != null) {
        return List.of(atAddress);
      }
      int comma = text.indexOf(',', from);
      if (comma < 0) {
        break;
      }
      from = comma + 1;
    }
    return byName.getOrDefault(normalize(text), List.of());
  }

  private void warm(City city) {
    if (warmed.putIfAbsent(city.key(), Boolean.TRUE) == null) {
      for (int index = 0; index < WARM_POOL; index++) {
        place(city, index);
      }
    }
  }

  private MapsPlace place(City city, int index) {
    MapsPlace place = PlaceFactory.build(city, index);
    if (byId.putIfAbsent(place.placeId(), place) == null) {
      byAddress.put(normalize(place.address()), place);
      byName.merge(
          normalize(place.title()),
          List.of(place),
          (old, added) -> {
            List<MapsPlace> merged = new ArrayList<>(old);
            merged.addAll(added);
            return List.copyOf(merged);
          });
    }
    return place;
  }

  /** "2300 Market St, San Francisco, CA 94114, USA" and "2300 market st san francisco ca 94114". */
  static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    lower = lower.replaceAll(",?\\s*(usa|united states)$", "");
    return lower.replaceAll("[^a-z0-9']+", " ").strip();
  }
}
