package io.trawl.sandbox.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.maps.MapsPlace;
import io.trawl.sandbox.maps.MapsUniverse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /v1/places:searchText}: the key, the faults, the required field mask, then
 * the universe's places for the text query, a page at a time, trimmed to the mask.
 */
final class PlacesHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(PlacesHandler.class);
  private static final int MAX_RESULTS = 60;
  private static final int MAX_PAGE = 20;

  private final String apiKey;
  private final MapsUniverse universe;
  private final Supplier<PlacesFaults> faults;
  private final CommonFaultState common;
  private final PlacesCounters counters;
  private final PageTokens tokens = new PageTokens();

  PlacesHandler(
      String apiKey,
      MapsUniverse universe,
      Supplier<PlacesFaults> faults,
      CommonFaultState common,
      PlacesCounters counters) {
    this.apiKey = apiKey;
    this.universe = universe;
    this.faults = faults;
    this.common = common;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/v1/places:searchText")) {
        Exchanges.json(
            exchange,
            404,
            GoogleErrors.body(404, "NOT_FOUND", "The sandbox serves places:searchText only."));
        return;
      }
      int inLastSecond = counters.request();
      try {
        answer(exchange, inLastSecond);
      } catch (RuntimeException e) {
        log.error("fake Places failed to answer path={}", exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          Exchanges.json(
              exchange, 500, GoogleErrors.body(500, "INTERNAL", "fake Places bug: " + e));
        }
      }
    } catch (Exchanges.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away: {}", e.toString());
    }
  }

  private void answer(HttpExchange exchange, int inLastSecond) throws IOException {
    PlacesFaults current = faults.get();
    ObjectNode internal = GoogleErrors.body(500, "INTERNAL", "Internal error encountered.");
    if (common.answerBefore(exchange, FakePlaces.SEARCH_TEXT, internal)) {
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      error(exchange, 405, "INVALID_ARGUMENT", "Only POST is supported.", null);
      return;
    }
    Map<String, String> query = Exchanges.query(exchange.getRequestURI());
    String key = exchange.getRequestHeaders().getFirst("X-Goog-Api-Key");
    key = key == null ? query.get("key") : key;
    if (current.permissionDenied() || (apiKey != null && key == null)) {
      String message =
          current.permissionDenied()
              ? "Places API (New) has not been used in project 000000000000 before or it is"
                  + " disabled. Enable it by visiting the Google Cloud console."
              : "The request is missing a valid API key.";
      error(
          exchange,
          403,
          "PERMISSION_DENIED",
          message,
          current.permissionDenied() ? "SERVICE_DISABLED" : null);
      return;
    }
    if (current.apiKeyInvalid() || (apiKey != null && !apiKey.equals(key))) {
      error(
          exchange,
          400,
          "INVALID_ARGUMENT",
          "API key not valid. Please pass a valid API key.",
          "API_KEY_INVALID");
      return;
    }
    boolean overQuota = current.quotaPerSecond() != null && inLastSecond > current.quotaPerSecond();
    if (overQuota || counters.takeResourceExhausted()) {
      String delay = overQuota ? "1s" : current.retryDelay();
      ObjectNode body =
          GoogleErrors.withReason(
              GoogleErrors.body(
                  429,
                  "RESOURCE_EXHAUSTED",
                  "Quota exceeded for quota metric 'SearchTextRequest' and limit 'SearchTextRequest"
                      + " per minute' of service 'places.googleapis.com'."),
              "RATE_LIMIT_EXCEEDED");
      Exchanges.json(
          exchange, 429, delay == null ? body : GoogleErrors.withRetryDelay(body, delay));
      return;
    }
    String mask = exchange.getRequestHeaders().getFirst("X-Goog-FieldMask");
    mask = mask == null ? query.get("fields") : mask;
    if (mask == null || mask.isBlank()) {
      error(
          exchange,
          400,
          "INVALID_ARGUMENT",
          "FieldMask is a required parameter. See"
              + " https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an"
              + " example, you can set the header 'X-Goog-FieldMask' to '*' to return all fields,"
              + " but that is not recommended.",
          null);
      return;
    }
    List<String> paths = Arrays.stream(mask.split(",")).map(String::strip).toList();
    for (String path : paths) {
      if (!(path.equals("*")
          || path.equals("nextPageToken")
          || path.equals("places")
          || path.startsWith("places."))) {
        error(
            exchange,
            400,
            "INVALID_ARGUMENT",
            "Error expanding 'fields' parameter. Cannot find matching fields for path '"
                + path
                + "'.",
            null);
        return;
      }
    }
    search(exchange, paths);
  }

  private void search(HttpExchange exchange, List<String> paths) throws IOException {
    JsonNode request;
    try {
      request = Exchanges.JSON.readTree(Exchanges.body(exchange));
    } catch (IOException e) {
      error(exchange, 400, "INVALID_ARGUMENT", "Invalid JSON payload received.", null);
      return;
    }
    String textQuery = request == null ? "" : request.path("textQuery").asText("");
    if (textQuery.isBlank()) {
      error(exchange, 400, "INVALID_ARGUMENT", "Missing required field 'textQuery'.", null);
      return;
    }
    int pageSize = request.path("pageSize").asInt(request.path("maxResultCount").asInt(MAX_PAGE));
    if (pageSize < 0) {
      error(exchange, 400, "INVALID_ARGUMENT", "pageSize must not be negative.", null);
      return;
    }
    pageSize = pageSize == 0 ? MAX_PAGE : Math.min(pageSize, MAX_PAGE);
    ObjectNode withoutToken = ((ObjectNode) request).deepCopy();
    withoutToken.remove("pageToken");
    int offset = 0;
    String pageToken = request.path("pageToken").asText("");
    if (!pageToken.isEmpty()) {
      try {
        offset = tokens.resume(pageToken, withoutToken.toString());
      } catch (IllegalArgumentException e) {
        error(exchange, 400, "INVALID_ARGUMENT", e.getMessage(), null);
        return;
      }
    }
    List<MapsPlace> found = universe.findByText(textQuery);
    int available = Math.min(found.size(), MAX_RESULTS);
    int end = Math.min(available, offset + pageSize);
    List<String> placePaths = new ArrayList<>();
    boolean tokenMasked = false;
    for (String path : paths) {
      if (path.equals("*") || path.equals("places") || path.equals("places.*")) {
        placePaths.add("*");
        tokenMasked |= path.equals("*");
      } else if (path.equals("nextPageToken")) {
        tokenMasked = true;
      } else {
        placePaths.add(path.substring("places.".length()));
      }
    }
    ObjectNode body = Exchanges.JSON.createObjectNode();
    if (end > offset && !placePaths.isEmpty()) {
      ArrayNode places = body.putArray("places");
      for (MapsPlace place : found.subList(offset, end)) {
        places.add(PlaceJson.trim(PlaceJson.full(place), placePaths));
      }
    }
    if (tokenMasked && end < available) {
      body.put("nextPageToken", tokens.issue(withoutToken.toString(), end));
    }
    counters.bill(SkuTier.ofMask(paths));
    common.sendJson(exchange, FakePlaces.SEARCH_TEXT, 200, body);
  }

  private static void error(
      HttpExchange exchange, int code, String status, String message, String reason)
      throws IOException {
    ObjectNode body = GoogleErrors.body(code, status, message);
    Exchanges.json(exchange, code, reason == null ? body : GoogleErrors.withReason(body, reason));
  }
}
