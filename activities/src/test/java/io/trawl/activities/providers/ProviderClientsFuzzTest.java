package io.trawl.activities.providers;

import static io.trawl.activities.fuzz.BadInput.within;
import static io.trawl.activities.fuzz.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.FuzzServer;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyConfig;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.activities.providers.llm.LlmClient;
import io.trawl.activities.providers.llm.LlmConfig;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.PlacesConfig;
import io.trawl.workflows.common.Failures;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Places, Apify, Bright Data and LLM answers from the fuzzer, served over loopback to the real
 * clients: every answer ends as the client's result or an {@link ApplicationFailure} of one of the
 * pipeline's failure types, never a Jackson, NumberFormat or NullPointer exception.
 */
class ProviderClientsFuzzTest {
  private static final String TOKEN = "fuzz-token-0123456789";

  /** Every failure type the pipelines define: the PascalCase string constants of Failures. */
  private static final Set<String> TYPED =
      Arrays.stream(Failures.class.getFields())
          .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
          .map(ProviderClientsFuzzTest::value)
          .filter(v -> v.matches("[A-Z][A-Za-z]+"))
          .collect(Collectors.toSet());

  private static final String PLACES =
      """
      {"places":[{"id":"ChIJabc","displayName":{"text":"Rossi Pharmacy","languageCode":"en"},
       "formattedAddress":"1 Main St","location":{"latitude":37.77,"longitude":-122.41},
       "businessStatus":"OPERATIONAL","types":["pharmacy","store"],"nationalPhoneNumber":"(415) 555-0100",
       "websiteUri":"https://rossi.example","rating":4.5,"userRatingCount":12}],"nextPageToken":"t"}
      """;
  private static final String PLACES_ERROR =
      """
      {"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED",
       "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}
      """;
  private static final String APIFY_RUN =
      """
      {"data":{"id":"run1","actId":"compass~crawler-google-places","status":"SUCCEEDED",
       "statusMessage":"done","defaultDatasetId":"ds1","usageTotalUsd":0.25,
       "chargedEventCounts":{"place-scraped":40}}}
      """;
  private static final String APIFY_ITEMS = "[{\"title\":\"Rossi\",\"placeId\":\"a\"},{\"x\":1}]";
  private static final String APIFY_ERROR =
      "{\"error\":{\"type\":\"record-not-found\",\"message\":\"Run was not found\"}}";
  private static final String BRIGHT_DATA_PROGRESS =
      "{\"status\":\"ready\",\"records\":12,\"errors\":1,\"error_message\":null}";
  private static final String LLM_REPLY =
      """
      {"id":"x","choices":[{"index":0,"message":{"role":"assistant",
       "content":"{\\"classification\\":\\"independent\\",\\"is_compounding\\":false,\\"confidence\\":0.8}"}}]}
      """;

  private static FuzzServer server;

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void startServer() {
    server = new FuzzServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static Generator<Integer> statuses() {
    return Generators.frequency(
        weighted(6, Generators.just(200)),
        weighted(
            4,
            Generators.elements(
                201, 202, 204, 301, 400, 401, 402, 403, 404, 408, 422, 429, 500, 503, 599)));
  }

  private static Generator<FuzzServer.Answer> answers(String... samples) {
    return Generators.combine(
        statuses(), BadInput.malformedJson(List.of(samples)), FuzzServer.Answer::new);
  }

  @Test
  void placesAnswersEndTyped() {
    Tries.forAll(
        "placesAnswersEndTyped",
        250,
        answers(PLACES, PLACES_ERROR),
        answer -> {
          server.answer(answer.status(), answer.body());
          PlacesClient client = new PlacesClient(new PlacesConfig(server.baseUrl(), TOKEN));

          assertTyped(() -> client.searchText("1 Main St", PlacesClient.VERIFY_FIELD_MASK));
        });
  }

  @Test
  void apifyAnswersEndTyped() {
    Tries.forAll(
        "apifyAnswersEndTyped",
        250,
        answers(APIFY_RUN, APIFY_ITEMS, APIFY_ERROR),
        answer -> {
          server.answer(answer.status(), answer.body());
          ApifyClient client = new ApifyClient(new ApifyConfig(server.baseUrl(), TOKEN));

          assertTyped(() -> client.getRun("run1", 0));
          assertTyped(() -> client.itemsPage("ds1", 0, 100));
        });
  }

  @Test
  void brightDataAnswersEndTyped() {
    Tries.forAll(
        "brightDataAnswersEndTyped",
        250,
        answers(BRIGHT_DATA_PROGRESS),
        answer -> {
          server.answer(answer.status(), answer.body());
          BrightDataClient client =
              new BrightDataClient(new BrightDataConfig(server.baseUrl(), TOKEN, "gd_fuzz"));

          assertTyped(() -> client.progress("s_fuzz"));
        });
  }

  @Test
  void llmAnswersEndTyped() {
    Tries.forAll(
        "llmAnswersEndTyped",
        250,
        answers(LLM_REPLY),
        answer -> {
          server.answer(answer.status(), answer.body());
          LlmClient client = new LlmClient(new LlmConfig(server.baseUrl(), TOKEN));

          assertTyped(() -> client.classify("sonar", "Rossi Pharmacy, 1 Main St"));
        });
  }

  @Test
  void anAnswerLargerThanTheCapIsAProviderFailureNamingTheLimit() {
    server.answer(200, "[\"" + "x".repeat((int) ResponseText.MAX_ANSWER_BYTES) + "\"]");
    PlacesClient places = new PlacesClient(new PlacesConfig(server.baseUrl(), TOKEN));
    ApifyClient apify = new ApifyClient(new ApifyConfig(server.baseUrl(), TOKEN));

    // Google billed the lookup it answered with 200, so the unread answer is booked as spent.
    assertThat(catchThrowable(() -> places.searchText("1 Main St", PlacesClient.VERIFY_FIELD_MASK)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(Failures.PAID_ANSWER_LOST))
        .hasMessageContaining("the answer is larger than 33554432 bytes");
    assertThat(catchThrowable(() -> apify.itemsPage("ds1", 0, 100)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE))
        .hasMessageContaining("the answer is larger than 33554432 bytes");
  }

  private static void assertTyped(org.junit.jupiter.api.function.ThrowingSupplier<?> call) {
    Throwable thrown = catchThrowable(() -> within(call));

    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t ->
                assertThat(t)
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        f -> {
                          assertThat(f.getType()).isIn(TYPED);
                          assertThat(f.getMessage()).doesNotContain(TOKEN);
                        }));
  }
}
