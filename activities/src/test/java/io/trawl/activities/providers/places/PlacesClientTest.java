package io.trawl.activities.providers.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.maps.MapsPlace;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.places.SkuTier;
import io.trawl.workflows.common.Failures;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PlacesClientTest {
  private static final String KEY = "AIzaSyTestKey0123";

  private final MapsUniverse universe = new MapsUniverse();
  private final List<MapsPlace> sanFrancisco =
      universe.search("pharmacy", "San Francisco, CA", 100);
  private FakePlaces fake;
  private PlacesClient client;

  private void start(PlacesFaults faults) {
    fake = new FakePlaces(KEY, universe, faults).start();
    client = new PlacesClient(new PlacesConfig(fake.baseUrl(), KEY));
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void findsAnApifyPlaceByItsAddressAtTheProSku() {
    start(PlacesFaults.none());
    MapsPlace cvs = sanFrancisco.get(0);

    List<TextSearchPlace> found = client.searchText(cvs.address(), PlacesClient.VERIFY_FIELD_MASK);

    assertThat(found).hasSize(1);
    TextSearchPlace place = found.get(0);
    assertThat(place.id()).isEqualTo(cvs.placeId());
    assertThat(place.displayName()).isEqualTo("CVS Pharmacy");
    assertThat(place.latitude()).isNotNull();
    assertThat(place.businessStatus()).isIn("OPERATIONAL", null);
    assertThat(place.nationalPhoneNumber()).isNull();
    assertThat(fake.billed(SkuTier.PRO)).isEqualTo(1);
  }

  @Test
  void permanentlyClosedPlaceSaysSo() {
    start(PlacesFaults.none());
    MapsPlace closed =
        sanFrancisco.stream().filter(MapsPlace::permanentlyClosed).findFirst().orElseThrow();

    TextSearchPlace place =
        client.searchText(closed.address(), PlacesClient.VERIFY_FIELD_MASK).get(0);

    assertThat(place.isClosedPermanently()).isTrue();
  }

  @Test
  void noMatchIsAnEmptyList() {
    start(PlacesFaults.none());
    MapsPlace unknown =
        sanFrancisco.stream().filter(p -> !p.knownToPlaces()).findFirst().orElseThrow();

    assertThat(client.searchText(unknown.address(), PlacesClient.VERIFY_FIELD_MASK)).isEmpty();
  }

  @Test
  void enterpriseMaskBringsPhoneAndWebsite() {
    start(PlacesFaults.none());
    MapsPlace cvs = sanFrancisco.get(0);

    TextSearchPlace place =
        client
            .searchText(
                cvs.address(),
                PlacesClient.VERIFY_FIELD_MASK + ",places.nationalPhoneNumber,places.websiteUri")
            .get(0);

    assertThat(place.nationalPhoneNumber()).isEqualTo(cvs.phone());
    assertThat(place.websiteUri()).startsWith("https://");
    assertThat(fake.billed(SkuTier.ENTERPRISE)).isEqualTo(1);
  }

  @Test
  void resourceExhaustedIsRetryableAfterTheRetryInfoDelay() {
    start(PlacesFaults.none().withResourceExhausted(1, "3s"));

    ApplicationFailure failure = failure(() -> client.searchText("x", "places.id"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(failure.getOriginalMessage())
        .startsWith("Google Places answered 429 RESOURCE_EXHAUSTED to POST /places:searchText");
    assertThat(client.searchText("x", "places.id")).isEmpty();
  }

  @Test
  void resourceExhaustedWithoutRetryInfoLeavesTheDelayToThePolicy() {
    start(PlacesFaults.none().withResourceExhausted(1, null));

    ApplicationFailure failure = failure(() -> client.searchText("x", "places.id"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @Test
  void invalidKeyIsFinalAndNamesTheVariableNotTheKey() {
    start(PlacesFaults.none());
    PlacesClient wrong = new PlacesClient(new PlacesConfig(fake.baseUrl(), "AIzaWrongKey999"));

    ApplicationFailure failure = failure(() -> wrong.searchText("x", "places.id"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("400 INVALID_ARGUMENT")
        .contains("(API_KEY_INVALID)")
        .endsWith("; check GOOGLE_PLACES_API_KEY")
        .doesNotContain("AIzaWrongKey999");
  }

  @Test
  void permissionDeniedIsFinalAndNamesTheVariable() {
    start(PlacesFaults.none().withPermissionDenied(true));

    ApplicationFailure failure = failure(() -> client.searchText("x", "places.id"));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.getOriginalMessage())
        .contains("403 PERMISSION_DENIED")
        .endsWith("; check GOOGLE_PLACES_API_KEY");
  }

  @Test
  void serverErrorAndGatewayPageAreUnavailable() {
    start(
        PlacesFaults.none()
            .withCommon(CommonFaults.none().withServerErrors(1).withGatewayErrors(1, 502)));

    ApplicationFailure internal = failure(() -> client.searchText("x", "places.id"));
    ApplicationFailure gateway = failure(() -> client.searchText("x", "places.id"));

    assertThat(internal.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(internal.getOriginalMessage()).contains("500 INTERNAL");
    assertThat(gateway.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(gateway.getOriginalMessage()).contains("HTML page \"502 Bad Gateway\"");
  }

  @Test
  void truncatedJsonIsABilledLookupLost() {
    start(PlacesFaults.none().withCommon(CommonFaults.none().withTruncatedJson(1)));

    ApplicationFailure failure =
        failure(() -> client.searchText(sanFrancisco.get(0).address(), "*"));

    // Google answered 200 and billed; the caller books the lookup as spent and retries.
    assertThat(failure.getType()).isEqualTo(Failures.PAID_ANSWER_LOST);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("the JSON ends early");
  }

  @Test
  void resetMidBodyIsABilledLookupLost() {
    start(PlacesFaults.none().withCommon(CommonFaults.none().withResetMidBody(1)));

    ApplicationFailure failure =
        failure(() -> client.searchText(sanFrancisco.get(0).address(), "*"));

    assertThat(failure.getType()).isEqualTo(Failures.PAID_ANSWER_LOST);
    assertThat(failure.getOriginalMessage()).doesNotContain(KEY);
  }

  @Test
  void blankMaskIsRefusedBeforeAnyRequest() {
    start(PlacesFaults.none());

    assertThatThrownBy(() -> client.searchText("x", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fake.requests()).isZero();
  }

  private static ApplicationFailure failure(ThrowingCallable call) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    assertThat(failure).as("expected an ApplicationFailure").isNotNull();
    return failure;
  }
}
