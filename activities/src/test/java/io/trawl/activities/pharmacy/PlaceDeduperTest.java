package io.trawl.activities.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.providers.apify.ApifyPlace;
import io.trawl.activities.providers.apify.ApifyPlaceParser;
import io.trawl.activities.providers.apify.MalformedPlaceException;
import io.trawl.workflows.pharmacy.PharmacySearch;
import org.junit.jupiter.api.Test;

class PlaceDeduperTest {
  private static final PharmacySearch SF = new PharmacySearch("pharmacy", "San Francisco, CA");
  private static final ApifyPlaceParser PARSER = new ApifyPlaceParser();
  private static final PharmacySearch OAK = new PharmacySearch("drugstore", "Oakland, CA");

  @Test
  void keepsOneRecordPerPlaceIdWithEverySearchThatFoundIt() {
    PlaceDeduper deduper = new PlaceDeduper();
    ObjectNode sparse = Places.item("Mission Pharmacy", "Pharmacy");
    sparse.put("placeId", "ChIJ1");
    ObjectNode full = sparse.deepCopy();
    full.put("phone", "(415) 555-0100");
    full.put("website", "missionrx.com");

    add(deduper, sparse, SF);
    add(deduper, full, OAK);

    assertThat(deduper.added()).isEqualTo(2);
    assertThat(deduper.places()).hasSize(1);
    PlaceDeduper.UniquePlace place = deduper.places().get(0);
    assertThat(place.key()).isEqualTo("ChIJ1");
    assertThat(place.place().website()).isEqualTo("missionrx.com");
    assertThat(place.searches()).containsExactly(SF, OAK);
  }

  @Test
  void withoutPlaceIdKeysOnNormalizedNameAddressAndPhone() {
    PlaceDeduper deduper = new PlaceDeduper();
    ObjectNode a = Places.item("Mission Pharmacy & Gifts", "Pharmacy");
    a.put("address", "2400 Mission St, San Francisco, CA 94110");
    a.put("phone", "+1 (415) 555-0100");
    ObjectNode b = Places.item("MISSION PHARMACY AND GIFTS", "Pharmacy");
    b.put("address", "2400 Mission St., San Francisco, CA 94110");
    b.put("phone", "415.555.0100");
    ObjectNode sameAddressOtherShop = Places.item("Safeway Pharmacy", "Pharmacy");
    sameAddressOtherShop.put("address", "2400 Mission St, San Francisco, CA 94110");

    add(deduper, a, SF);
    add(deduper, b, SF);
    add(deduper, sameAddressOtherShop, SF);

    assertThat(deduper.places()).hasSize(2);
    assertThat(deduper.places().get(0).searches()).containsExactly(SF);
  }

  @Test
  void readsMixedTypesAndMissingKeysWithoutFailing() {
    ApifyPlace place =
        PARSER.parse(
            Places.parse(
                """
                {"title":"Bay Drugs","address":"1 Valencia St","location":{"lat":"37.76",
                 "lng":-122.41},"totalScore":null,"categories":"Pharmacy","permanentlyClosed":"true"}
                """));

    assertThat(place.latitude()).isEqualTo(37.76);
    assertThat(place.longitude()).isEqualTo(-122.41);
    assertThat(place.allCategories()).containsExactly("Pharmacy");
    assertThat(place.businessStatus()).isEqualTo("CLOSED_PERMANENTLY");
    assertThat(place.placeId()).isNull();
  }

  @Test
  void refusesAnItemWithoutTitleNamingTheProblem() {
    assertThatThrownBy(() -> PARSER.parse(Places.parse("{\"placeId\":\"ChIJ9\"}")))
        .isInstanceOf(MalformedPlaceException.class)
        .hasMessageContaining("title");
    assertThatThrownBy(() -> PARSER.parse(Places.parse("[1,2]")))
        .isInstanceOf(MalformedPlaceException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void cacheKeyIsTheOriginals() {
    assertThat(QueryCacheKey.of("pharmacy", "San Francisco, CA"))
        .isEqualTo("pharmacy_san_francisco,_ca");
    assertThat(QueryCacheKey.of(" Independent  Pharmacy", "Austin, TX"))
        .isEqualTo("independent_pharmacy_austin,_tx");
  }

  private static void add(PlaceDeduper deduper, JsonNode item, PharmacySearch search) {
    deduper.add(PARSER.parse(item), item, search);
  }
}
