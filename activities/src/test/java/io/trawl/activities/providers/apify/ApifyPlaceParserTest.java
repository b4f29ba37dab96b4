package io.trawl.activities.providers.apify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApifyPlaceParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ApifyPlaceParser parser = new ApifyPlaceParser();

  private ApifyPlace parse(String json) throws Exception {
    return parser.parse(JSON.readTree(json));
  }

  @Test
  void readsEverySandboxItem() {
    try (FakeApify fake =
        new FakeApify(null, new MapsUniverse(), ApifyFaults.builder().runSeconds(0).build())
            .start()) {
      ApifyClient client = new ApifyClient(ApifyConfig.sandbox(fake.baseUrl()));
      ApifyRun run =
          client.startRun(
              FakeApify.GOOGLE_MAPS_ACTOR,
              new ApifyRunInput(List.of("pharmacy"), "San Francisco, CA", 100, "en"),
              null);
      List<JsonNode> items = client.itemsPage(run.defaultDatasetId(), 0, 1000).items();

      List<ApifyPlace> places = items.stream().map(parser::parse).toList();

      assertThat(places).hasSize(items.size()).allMatch(p -> p.placeId().startsWith("ChIJ"));
      assertThat(places).anyMatch(ApifyPlace::permanentlyClosed);
      assertThat(places).anyMatch(p -> p.totalScore() == null);
      assertThat(places.get(0).state()).isEqualTo("California");
      assertThat(places.get(0).latitude()).isNotNull();
      assertThat(places.get(0).openingHours()).hasSize(7);
    }
  }

  @Test
  void acceptsNumbersAndFlagsAsStrings() throws Exception {
    ApifyPlace place =
        parse(
            """
            {"title":"Rossi Pharmacy","placeId":"ChIJabc","totalScore":"4.5","reviewsCount":"1,234",
             "location":{"lat":"37.77","lng":-122.41},"permanentlyClosed":"true","rank":"3",
             "countryCode":"us","categories":"Pharmacy, Drug store"}
            """);

    assertThat(place.totalScore()).isEqualTo(4.5);
    assertThat(place.reviewsCount()).isEqualTo(1234);
    assertThat(place.latitude()).isEqualTo(37.77);
    assertThat(place.permanentlyClosed()).isTrue();
    assertThat(place.rank()).isEqualTo(3);
    assertThat(place.countryCode()).isEqualTo("US");
    assertThat(place.categories()).containsExactly("Pharmacy", "Drug store");
  }

  @Test
  void missingAndNullValuesStayNull() throws Exception {
    ApifyPlace place =
        parse("{\"title\":\"Rossi Pharmacy\",\"placeId\":\"ChIJabc\",\"totalScore\":null}");

    assertThat(place.totalScore()).isNull();
    assertThat(place.reviewsCount()).isNull();
    assertThat(place.latitude()).isNull();
    assertThat(place.website()).isNull();
    assertThat(place.categories()).isEmpty();
    assertThat(place.temporarilyClosed()).isFalse();
  }

  @Test
  void websiteWithoutSchemeGetsOne() throws Exception {
    ApifyPlace place =
        parse("{\"title\":\"X\",\"placeId\":\"ChIJabc\",\"website\":\"www.rossi.com\"}");

    assertThat(place.website()).isEqualTo("www.rossi.com");
    assertThat(place.websiteUrl()).isEqualTo("https://www.rossi.com");
  }

  @Test
  void itemWithoutATitleIsMalformedNamingTheField() {
    MalformedPlaceException e =
        catchThrowableOfType(
            MalformedPlaceException.class,
            () -> parse("{\"placeId\":\"ChIJabc\",\"title\":\" \"}"));

    assertThat(e.field()).isEqualTo("title");
    assertThat(e.getMessage()).isEqualTo("title: missing or blank");
  }

  @Test
  void itemWithNeitherPlaceIdNorAddressIsMalformed() {
    MalformedPlaceException e =
        catchThrowableOfType(MalformedPlaceException.class, () -> parse("{\"title\":\"X\"}"));

    assertThat(e.field()).isEqualTo("placeId");
  }

  @Test
  void itemWithAnAddressButNoPlaceIdIsKept() throws Exception {
    ApifyPlace place = parse("{\"title\":\"X\",\"address\":\"1 Main St, Austin, TX 78701\"}");

    assertThat(place.placeId()).isNull();
    assertThat(place.address()).isEqualTo("1 Main St, Austin, TX 78701");
  }

  @Test
  void scoreThatIsNoNumberIsMalformedNamingTheField() {
    MalformedPlaceException e =
        catchThrowableOfType(
            MalformedPlaceException.class,
            () -> parse("{\"title\":\"X\",\"placeId\":\"p\",\"totalScore\":\"great\"}"));

    assertThat(e.field()).isEqualTo("totalScore");
  }

  @Test
  void emptyItemAndNonObjectAreMalformed() {
    assertThat(catchThrowableOfType(MalformedPlaceException.class, () -> parse("{}")).field())
        .isEqualTo("title");
    assertThat(catchThrowableOfType(MalformedPlaceException.class, () -> parse("[1]")).field())
        .isEqualTo("item");
  }
}
