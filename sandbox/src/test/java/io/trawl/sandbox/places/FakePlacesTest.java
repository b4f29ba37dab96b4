package io.trawl.sandbox.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.SandboxHttp;
import io.trawl.sandbox.maps.MapsPlace;
import io.trawl.sandbox.maps.MapsUniverse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakePlacesTest {
  private static final String KEY = "AIza-test-key";
  private static final String PRO_MASK =
      "places.id,places.displayName,places.formattedAddress,places.location,places.businessStatus";

  private final MapsUniverse universe = new MapsUniverse();
  private final List<MapsPlace> sanFrancisco =
      universe.search("pharmacy", "San Francisco, CA", 100);
  private FakePlaces fake;
  private SandboxHttp http;

  private void start(PlacesFaults faults) {
    fake = new FakePlaces(KEY, universe, faults).start();
    http = new SandboxHttp(fake.baseUrl());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpResponse<String> search(String body, String mask) {
    Map<String, String> headers = new HashMap<>(Map.of("X-Goog-Api-Key", KEY));
    if (mask != null) {
      headers.put("X-Goog-FieldMask", mask);
    }
    return http.post("/places:searchText", headers, body);
  }

  private static String query(String text) {
    return "{\"textQuery\":\"" + text + "\"}";
  }

  @Test
  void findsAnApifyPlaceByItsAddressWithOnlyTheMaskedFields() {
    start(PlacesFaults.none());
    MapsPlace cvs = sanFrancisco.get(0);

    HttpResponse<String> answer = search(query(cvs.address()), PRO_MASK);
    JsonNode place = SandboxHttp.json(answer).get("places").get(0);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(place.get("id").asText()).isEqualTo(cvs.placeId());
    assertThat(place.get("displayName").get("text").asText()).isEqualTo("CVS Pharmacy");
    assertThat(place.get("formattedAddress").asText()).endsWith(", USA");
    assertThat(place.get("location").get("latitude").asDouble()).isCloseTo(cvs.lat(), within());
    assertThat(place.has("nationalPhoneNumber")).isFalse();
    assertThat(place.has("websiteUri")).isFalse();
    assertThat(place.has("types")).isFalse();
  }

  @Test
  void subfieldMaskKeepsOnlyThatSubfield() {
    start(PlacesFaults.none());

    JsonNode place =
        SandboxHttp.json(search(query(sanFrancisco.get(0).address()), "places.displayName.text"))
            .get("places")
            .get(0);

    assertThat(place.toString()).isEqualTo("{\"displayName\":{\"text\":\"CVS Pharmacy\"}}");
  }

  @Test
  void closedPlacesCarryTheirBusinessStatus() {
    start(PlacesFaults.none());
    MapsPlace closed =
        sanFrancisco.stream().filter(MapsPlace::permanentlyClosed).findFirst().orElseThrow();
    MapsPlace paused =
        sanFrancisco.stream().filter(MapsPlace::temporarilyClosed).findFirst().orElseThrow();

    assertThat(status(closed)).isEqualTo("CLOSED_PERMANENTLY");
    assertThat(status(paused)).isEqualTo("CLOSED_TEMPORARILY");
  }

  private String status(MapsPlace place) {
    return SandboxHttp.json(search(query(place.address()), PRO_MASK))
        .at("/places/0/businessStatus")
        .asText();
  }

  @Test
  void zeroResultsAnswerAnEmptyObject() {
    start(PlacesFaults.none());
    MapsPlace unknown =
        sanFrancisco.stream().filter(p -> !p.knownToPlaces()).findFirst().orElseThrow();

    HttpResponse<String> answer = search(query(unknown.address()), PRO_MASK);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{}");
  }

  @Test
  void absentDataIsAnOmittedFieldNeverNull() {
    start(PlacesFaults.none());
    List<String> bodies = new ArrayList<>();
    for (MapsPlace place : sanFrancisco) {
      bodies.add(search(query(place.address()), "*").body());
    }

    assertThat(bodies).noneMatch(body -> body.contains("null"));
    assertThat(bodies).anyMatch(body -> !body.contains("\"rating\"") && body.contains("\"id\""));
  }

  @Test
  void missingFieldMaskIsInvalidArgument() {
    start(PlacesFaults.none());
    HttpResponse<String> answer = search(query("pharmacy in Austin, TX"), null);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(answer).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(SandboxHttp.json(answer).at("/error/message").asText())
        .startsWith("FieldMask is a required parameter");
    assertThat(fake.billed(SkuTier.PRO)).isZero();
  }

  @Test
  void pagesComeWithATokenOnlyWhenMaskedAndStopAfterThree() {
    start(PlacesFaults.none());
    String body = query("pharmacy in Chicago, IL");
    assertThat(SandboxHttp.json(search(body, PRO_MASK)).has("nextPageToken")).isFalse();

    List<JsonNode> pages = new ArrayList<>();
    String token = null;
    do {
      String request =
          token == null
              ? body
              : "{\"textQuery\":\"pharmacy in Chicago, IL\",\"pageToken\":\"" + token + "\"}";
      JsonNode page = SandboxHttp.json(search(request, PRO_MASK + ",nextPageToken"));
      pages.add(page);
      token = page.path("nextPageToken").asText(null);
    } while (token != null);

    assertThat(pages).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(pages.get(0).get("places").size()).isEqualTo(20);
  }

  @Test
  void tokenWithChangedParametersOrUnknownIsInvalidArgument() {
    start(PlacesFaults.none());
    String token =
        SandboxHttp.json(search(query("pharmacy in Chicago, IL"), "places.id,nextPageToken"))
            .get("nextPageToken")
            .asText();

    HttpResponse<String> changed =
        search(
            "{\"textQuery\":\"pharmacy in Denver, CO\",\"pageToken\":\"" + token + "\"}",
            "places.id,nextPageToken");
    HttpResponse<String> unknown =
        search(
            "{\"textQuery\":\"pharmacy in Chicago, IL\",\"pageToken\":\"bm9wZQ\"}",
            "places.id,nextPageToken");

    assertThat(changed.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(changed).at("/error/status").asText())
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(unknown).at("/error/message").asText()).contains("page token");
  }

  @Test
  void countsRequestsPerSkuOfTheMask() {
    start(PlacesFaults.none());
    String body = query(sanFrancisco.get(0).address());
    search(body, "places.id");
    search(body, PRO_MASK);
    search(body, PRO_MASK + ",places.websiteUri");
    search(body, "places.reviews");
    search(body, "*");

    assertThat(fake.billed(SkuTier.IDS_ONLY)).isEqualTo(1);
    assertThat(fake.billed(SkuTier.PRO)).isEqualTo(1);
    assertThat(fake.billed(SkuTier.ENTERPRISE)).isEqualTo(1);
    assertThat(fake.billed(SkuTier.ATMOSPHERE)).isEqualTo(2);
    assertThat(fake.requests()).isEqualTo(5);
  }

  @Test
  void missingKeyIsPermissionDeniedAndAWrongOneIsApiKeyInvalid() {
    start(PlacesFaults.none());
    HttpResponse<String> missing =
        http.post("/places:searchText", Map.of("X-Goog-FieldMask", "places.id"), query("x"));
    HttpResponse<String> wrong =
        http.post(
            "/places:searchText",
            Map.of("X-Goog-FieldMask", "places.id", "X-Goog-Api-Key", "other"),
            query("x"));

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(missing).at("/error/status").asText())
        .isEqualTo("PERMISSION_DENIED");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(wrong).at("/error/details/0/reason").asText())
        .isEqualTo("API_KEY_INVALID");
    assertThat(wrong.body()).doesNotContain("other");
  }

  @Test
  void disabledApiIsPermissionDenied() {
    start(PlacesFaults.none().withPermissionDenied(true));
    HttpResponse<String> answer = search(query("x"), "places.id");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(answer).at("/error/details/0/reason").asText())
        .isEqualTo("SERVICE_DISABLED");
  }

  @Test
  void resourceExhaustedCarriesRetryInfoThenRecovers() {
    start(PlacesFaults.none().withResourceExhausted(1, "3s"));
    HttpResponse<String> limited = search(query("x"), "places.id");

    assertThat(limited.statusCode()).isEqualTo(429);
    JsonNode error = SandboxHttp.json(limited).get("error");
    assertThat(error.get("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.get("details").findValuesAsText("retryDelay")).containsExactly("3s");
    assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    assertThat(search(query("x"), "places.id").statusCode()).isEqualTo(200);
  }

  @Test
  void resourceExhaustedMayComeWithoutRetryInfo() {
    start(PlacesFaults.none().withResourceExhausted(1, null));
    JsonNode error = SandboxHttp.json(search(query("x"), "places.id")).get("error");

    assertThat(error.get("details").findValuesAsText("retryDelay")).isEmpty();
  }

  @Test
  void observesTheBusiestSecond() {
    start(PlacesFaults.none());
    for (int i = 0; i < 4; i++) {
      search(query("x"), "places.id");
    }

    // Four quick requests land in one second on any machine that runs this suite at all.
    assertThat(fake.maxRequestsInAnySecond()).isBetween(1, 4);
    assertThat(fake.requests()).isEqualTo(4);
  }

  @Test
  void quotaPerSecondRefusesTheRequestsBeyondIt() {
    start(PlacesFaults.none().withQuotaPerSecond(1));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(search(query("x"), "places.id").statusCode());
    }

    // Ten requests a few milliseconds apart cannot all fall in different seconds.
    assertThat(statuses.get(0)).isEqualTo(200);
    assertThat(statuses).contains(429);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }
}
