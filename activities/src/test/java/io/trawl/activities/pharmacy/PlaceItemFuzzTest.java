package io.trawl.activities.pharmacy;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Tries;
import io.trawl.activities.providers.apify.ApifyPlace;
import io.trawl.activities.providers.apify.ApifyPlaceParser;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Apify Google Maps items from the fuzzer, through both readers of an item (the client's {@link
 * ApifyPlaceParser} and the pipeline's dedup) and on through dedup and classification: an item is a
 * place or a {@code MalformedPlaceException} naming the field, nothing else.
 */
class PlaceItemFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PharmacySearch SEARCH = new PharmacySearch("pharmacy", "San Francisco, CA");

  private static final String ITEM =
      """
      {"title":"Rossi Pharmacy","placeId":"ChIJabc","totalScore":"4.5","reviewsCount":"1,234",
       "location":{"lat":"37.77","lng":-122.41},"permanentlyClosed":"true","rank":"3",
       "temporarilyClosed":0,"countryCode":"us","categories":["Pharmacy","Drug store"],
       "categoryName":"Pharmacy","address":"1 Main St, San Francisco, CA 94105",
       "street":"1 Main St","city":"San Francisco","postalCode":"94105","state":"CA",
       "phone":"(415) 555-0100","phoneUnformatted":"+14155550100","website":"https://rossi.example",
       "searchString":"pharmacy","openingHours":[{"day":"Monday","hours":"9 AM to 6 PM"}]}
      """;

  private final PharmacyClassifier classifier =
      new PharmacyClassifier(ClassificationRules.DEFAULTS);

  private static Generator<String> items() {
    return BadInput.malformedJson(List.of(ITEM, "{\"name\":\"Bare\",\"address\":\"2 Elm St\"}"));
  }

  @Test
  void anItemIsAPlaceOrAMalformedPlace() {
    Tries.forAll("anItemIsAPlaceOrAMalformedPlace", 500, items(), this::isAPlaceOrAMalformedPlace);
  }

  private void isAPlaceOrAMalformedPlace(String text) {
    JsonNode item;
    try {
      item = JSON.readTree(text);
    } catch (IOException notJson) {
      // The pipeline counts such an item as malformed before either reader sees it.
      return;
    }
    Throwable client = catchThrowable(() -> within(() -> new ApifyPlaceParser().parse(item)));
    Throwable pipeline =
        catchThrowable(
            () ->
                within(
                    () -> {
                      ApifyPlace place = new ApifyPlaceParser().parse(item);
                      new PlaceDeduper().add(place, item, SEARCH);
                      return classifier.classify(place);
                    }));

    assertThat(client)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t ->
                assertThat(t)
                    .isInstanceOf(io.trawl.activities.providers.apify.MalformedPlaceException.class)
                    .hasMessageNotContaining("Exception"));
    assertThat(pipeline)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t ->
                assertThat(t)
                    .isInstanceOf(
                        io.trawl.activities.providers.apify.MalformedPlaceException.class));
  }
}
