package io.trawl.activities.providers.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesSkuTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "places.id                                          | IDS_ONLY",
        "places.id,places.name,nextPageToken                | IDS_ONLY",
        "places.id,places.displayName                       | PRO",
        "places.displayName.text,places.location            | PRO",
        "places.businessStatus,places.types                 | PRO",
        "places.id,places.nationalPhoneNumber               | ENTERPRISE",
        "places.websiteUri,places.rating                    | ENTERPRISE",
        "places.regularOpeningHours                         | ENTERPRISE",
        "places.reviews                                     | ATMOSPHERE",
        "places.id,places.somethingNew                      | ATMOSPHERE",
        "*                                                  | ATMOSPHERE"
      })
  void billsTheHighestSkuAnyMaskedFieldHits(String mask, PlacesSku expected) {
    assertThat(PlacesSku.of(mask)).isEqualTo(expected);
  }

  @Test
  void theVerificationMaskStaysInPro() {
    assertThat(PlacesSku.of(PlacesClient.VERIFY_FIELD_MASK)).isEqualTo(PlacesSku.PRO);
  }

  @Test
  void pricesFollowTheListPerRequest() {
    assertThat(PlacesSku.IDS_ONLY.priceUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(PlacesSku.PRO.priceUsd()).isEqualByComparingTo("0.032");
    assertThat(PlacesSku.ENTERPRISE.priceUsd()).isEqualByComparingTo("0.035");
    assertThat(PlacesSku.ATMOSPHERE.priceUsd()).isEqualByComparingTo("0.040");
  }

  @Test
  void blankMaskIsRefused() {
    assertThatThrownBy(() -> PlacesSku.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
