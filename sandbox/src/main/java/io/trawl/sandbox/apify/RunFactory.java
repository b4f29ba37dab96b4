package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.maps.MapsPlace;
import io.trawl.sandbox.maps.MapsUniverse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a start request (actor input plus query parameters) into an {@link ActorRun} whose dataset
 * holds the universe's places for each search string, capped by {@code maxCrawledPlacesPerSearch},
 * {@code maxItems} and what {@code maxTotalChargeUsd} affords.
 */
final class RunFactory {
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final MapsUniverse universe;
  private final AtomicLong sequence = new AtomicLong();

  RunFactory(MapsUniverse universe) {
    this.universe = universe;
  }

  /** Thrown for input Apify would refuse with 400; the message is Apify's. */
  static final class InvalidInput extends RuntimeException {
    final String type;

    InvalidInput(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }

  ActorRun create(
      String actId,
      JsonNode input,
      Integer timeoutSecs,
      Integer maxItems,
      Double maxTotalChargeUsd,
      ApifyFaults faults) {
    if (input == null || !input.isObject()) {
      throw new InvalidInput("invalid-input", "Input is not valid: input must be a JSON object");
    }
    JsonNode searches = input.path("searchStringsArray");
    if (!searches.isArray() || searches.isEmpty()) {
      throw new InvalidInput(
          "invalid-input", "Input is not valid: Field input.searchStringsArray is required");
    }
    int perSearch = input.path("maxCrawledPlacesPerSearch").asInt(Integer.MAX_VALUE);
    if (perSearch <= 0) {
      perSearch = Integer.MAX_VALUE;
    }
    String location = input.path("locationQuery").asText("");
    List<ObjectNode> items = new ArrayList<>();
    int places = 0;
    int cap = maxItems == null ? Integer.MAX_VALUE : maxItems;
    String capMessage = null;
    if (maxTotalChargeUsd != null) {
      if (maxTotalChargeUsd < ActorRun.START_USD) {
        throw new InvalidInput(
            "invalid-value",
            "maxTotalChargeUsd "
                + maxTotalChargeUsd
                + " does not cover the actor start event ($0.007)");
      }
      int affordable =
          (int) Math.floor((maxTotalChargeUsd - ActorRun.START_USD) / ActorRun.PLACE_USD + 1e-9);
      if (affordable < cap) {
        cap = affordable;
        capMessage =
            String.format(
                Locale.ROOT, "Maximum cost per run ($%.3f) reached, finishing", maxTotalChargeUsd);
      }
    }
    int total = 0;
    for (JsonNode search : searches) {
      if (faults.emptyDataset()) {
        break;
      }
      String searchString = search.asText();
      List<MapsPlace> found = universe.search(searchString, location, perSearch);
      for (int rank = 1; rank <= found.size() && total < cap; rank++) {
        items.add(ItemRenderer.item(found.get(rank - 1), searchString, rank));
        total++;
        places++;
        if (faults.hiddenItemEvery() > 0 && places % faults.hiddenItemEvery() == 0) {
          items.add(Exchanges.JSON.createObjectNode());
        }
      }
    }
    if (capMessage != null && total < cap) {
      capMessage = null;
    }
    long n = sequence.incrementAndGet();
    return new ActorRun(id("run", n), actId, id("ds", n), items, faults, timeoutSecs, capMessage);
  }

  /** A 17-character Apify-looking id, stable for the n-th run. */
  private static String id(String kind, long n) {
    StringBuilder id = new StringBuilder(17);
    long state = n * 0x9e3779b97f4a7c15L + kind.hashCode();
    while (id.length() < 17) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      id.append(ID_ALPHABET.charAt((int) Math.floorMod(state >>> 33, (long) ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
