package io.trawl.activities.providers.places;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.providers.ProviderText;
import io.trawl.activities.providers.RequestSent;
import io.trawl.activities.providers.ResponseText;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Places API (New) Text Search (PROVIDERS.md §3). Each call is one billed request at the
 * {@link PlacesSku} of its mask.
 *
 * <p>The client never retries: RESOURCE_EXHAUSTED is {@code ProviderRateLimited} with Google's
 * {@code RetryInfo} delay when given; 5xx, HTML, cut bodies and timeouts are {@code
 * ProviderUnavailable}; a bad or restricted key is a final {@code ProviderRejected} naming {@value
 * PlacesConfig#KEY_VARIABLE}.
 */
public final class PlacesClient {
  /**
   * The narrowest mask verification needs: id, name, address, location and business status, all in
   * the {@link PlacesSku#PRO} SKU. Asking for phone or website would lift it to Enterprise.
   */
  public static final String VERIFY_FIELD_MASK =
      "places.id,places.displayName,places.formattedAddress,places.location,places.businessStatus";

  private static final Logger log = LoggerFactory.getLogger(PlacesClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /** Timeouts for every call. */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30));
  }

  private final PlacesConfig config;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final PlacesErrors errors;

  public PlacesClient(PlacesConfig config) {
    this(config, Timeouts.DEFAULT);
  }

  public PlacesClient(PlacesConfig config, Timeouts timeouts) {
    this.config = config;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .followRedirects(false)
            // Each lookup is billed: OkHttp must not send one again by itself.
            .retryOnConnectionFailure(false)
            .eventListenerFactory(RequestSent.LISTENER)
            .build();
    this.errors = new PlacesErrors(config.apiKey());
  }

  public PlacesConfig config() {
    return config;
  }

  /**
   * {@code POST /places:searchText}: the first page of places matching {@code textQuery}, best
   * first; empty when Google finds nothing (it answers {@code {}}).
   *
   * @param fieldMask e.g. {@link #VERIFY_FIELD_MASK}; required, it decides the price
   */
  public List<TextSearchPlace> searchText(String textQuery, String fieldMask) {
    return searchText(textQuery, fieldMask, RequestSent.NONE);
  }

  /**
   * As {@link #searchText(String, String)}; {@code sent} is told as the request starts to leave,
   * from when Google may bill it.
   */
  public List<TextSearchPlace> searchText(String textQuery, String fieldMask, RequestSent sent) {
    if (textQuery == null || textQuery.isBlank()) {
      throw new IllegalArgumentException("textQuery is blank");
    }
    PlacesSku.of(fieldMask);
    String what = "POST /places:searchText";
    HttpUrl url = HttpUrl.get(config.baseUrl() + "/places:searchText");
    ObjectNode body = json.createObjectNode().put("textQuery", textQuery.strip());
    Request request =
        new Request.Builder()
            .url(url)
            .header("X-Goog-Api-Key", config.apiKey())
            .header("X-Goog-FieldMask", fieldMask.strip())
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .tag(RequestSent.class, sent)
            .build();
    Response response;
    try {
      response = http.newCall(request).execute();
    } catch (IOException e) {
      throw errors.io(what, e);
    }
    try (response) {
      String text;
      try {
        text = ResponseText.readCapped(response.body());
      } catch (IOException e) {
        if (response.isSuccessful()) {
          throw errors.lostAnswer(
              what,
              e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        throw errors.io(what, e);
      }
      if (!response.isSuccessful()) {
        throw errors.forStatus(what, response.code(), text, response.header("Retry-After"));
      }
      List<TextSearchPlace> places = places(parse(text, what, response.code()));
      log.debug("places search results={} sku={}", places.size(), PlacesSku.of(fieldMask));
      return places;
    }
  }

  /**
   * An HTML page on a 200 comes from something in front of Google (a proxy, a captive portal), so
   * nothing was billed; JSON cut short came from Google, which billed the lookup.
   */
  private JsonNode parse(String text, String what, int status) {
    if (ProviderText.looksLikeHtml(text)) {
      throw errors.notJson(what, status, text);
    }
    JsonNode answer;
    try {
      answer = json.readTree(text);
    } catch (JsonProcessingException e) {
      if (looksCutShort(text)) {
        throw errors.lostAnswer(what, "the JSON ends early");
      }
      throw errors.notJson(what, status, text);
    }
    if (answer == null || !answer.isObject()) {
      throw errors.notJson(what, status, text);
    }
    return answer;
  }

  /** A JSON object that starts but never closes. */
  private static boolean looksCutShort(String text) {
    String body = text.strip();
    return body.startsWith("{") && !body.endsWith("}");
  }

  private static List<TextSearchPlace> places(JsonNode answer) {
    List<TextSearchPlace> places = new ArrayList<>();
    for (JsonNode place : answer.path("places")) {
      JsonNode location = place.path("location");
      List<String> types = new ArrayList<>();
      place.path("types").forEach(t -> types.add(t.asText()));
      places.add(
          new TextSearchPlace(
              text(place, "id"),
              place.path("displayName").path("text").asText(null),
              text(place, "formattedAddress"),
              location.path("latitude").isNumber() ? location.get("latitude").asDouble() : null,
              location.path("longitude").isNumber() ? location.get("longitude").asDouble() : null,
              text(place, "businessStatus"),
              types,
              text(place, "primaryType"),
              text(place, "nationalPhoneNumber"),
              text(place, "websiteUri")));
    }
    return places;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
