package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.pharmacy.ClassificationRules;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code pharmacy:}.
 *
 * <pre>
 * pharmacy:
 *   queries: [pharmacy]                 # default queries of a location without its own
 *   searches:
 *     - location: San Francisco, CA
 *       queries: [pharmacy, compounding pharmacy]
 *   actor: compass~crawler-google-places
 *   max_places: 25                      # maxCrawledPlacesPerSearch
 *   language: en
 *   verify: true
 *   verify_scope: unverified            # or all
 *   verification_threshold: 0.6
 *   cache_ttl: 7d
 *   classification: {chains: [Bi-Mart], hospital_terms: [], pharmacy_categories: [], veterinary_terms: []}
 *   costs: {apify_actor_start_usd: 0.007, apify_per_place_usd: 0.004, places_request_usd: 0.032, llm_call_usd: 0.01}
 *   llm: {model: sonar}
 * </pre>
 */
final class PharmacyConfigParser {
  private static final Set<String> KEYS =
      Set.of(
          "queries",
          "searches",
          "actor",
          "max_places",
          "language",
          "verify",
          "verify_scope",
          "verification_threshold",
          "cache_ttl",
          "classification",
          "costs",
          "llm");
  private static final Set<String> SEARCH_KEYS = Set.of("location", "locations", "queries");
  private static final Set<String> CLASS_KEYS =
      Set.of("chains", "hospital_terms", "pharmacy_categories", "veterinary_terms");
  private static final Set<String> COST_KEYS =
      Set.of("apify_actor_start_usd", "apify_per_place_usd", "places_request_usd", "llm_call_usd");
  private static final Set<String> LLM_KEYS = Set.of("model");

  private PharmacyConfigParser() {}

  static PharmacyConfig parse(String file, JsonNode section) {
    PharmacyConfig d = PharmacyConfig.DEFAULTS;
    if (section.isMissingNode() || section.isNull()) {
      return d;
    }
    ConfigValues v = ConfigValues.of(file, "pharmacy", section, KEYS);
    List<String> defaultQueries = v.has("queries") ? v.strings("queries") : List.of("pharmacy");
    String scope = v.text("verify_scope", "unverified");
    if (!scope.equals("unverified") && !scope.equals("all")) {
      throw new ConfigException(
          file + ": pharmacy.verify_scope must be unverified or all, got \"" + scope + "\"");
    }
    ConfigValues classes = v.child("classification", CLASS_KEYS);
    ConfigValues costs = v.child("costs", COST_KEYS);
    PharmacyConfig.Costs dc = d.costs();
    String actor = v.text("actor", d.actor());
    if (!actor.matches("[A-Za-z0-9._-]+[~/][A-Za-z0-9._-]+|[A-Za-z0-9]{8,}")) {
      throw new ConfigException(
          file
              + ": pharmacy.actor must be an actor id such as compass~crawler-google-places, got \""
              + actor
              + "\"");
    }
    return new PharmacyConfig(
        searches(file, v, defaultQueries, d),
        actor.replace('/', '~'),
        v.text("language", d.language()),
        v.whole("max_places", d.maxPlaces(), 1, PharmacyRunRequest.MAX_PLACES_LIMIT),
        v.flag("verify", d.verify()),
        scope.equals("all"),
        v.fraction("verification_threshold", d.verificationThreshold()),
        v.duration("cache_ttl", d.cacheTtl()),
        ClassificationRules.DEFAULTS.extendedWith(
            classes.strings("chains"),
            classes.strings("hospital_terms"),
            classes.strings("pharmacy_categories"),
            classes.strings("veterinary_terms")),
        new PharmacyConfig.Costs(
            costs.money("apify_actor_start_usd", dc.actorStartUsd()),
            costs.money("apify_per_place_usd", dc.perPlaceUsd()),
            costs.money("places_request_usd", dc.placesUsd()),
            costs.money("llm_call_usd", dc.llmUsd())),
        v.child("llm", LLM_KEYS).text("model", d.llmModel()));
  }

  private static List<PharmacyConfig.SearchGroup> searches(
      String file, ConfigValues v, List<String> defaultQueries, PharmacyConfig d) {
    if (!v.has("searches")) {
      return v.has("queries")
          ? d.searches().stream()
              .map(g -> new PharmacyConfig.SearchGroup(g.location(), defaultQueries))
              .toList()
          : d.searches();
    }
    JsonNode list = v.node().get("searches");
    if (!list.isArray()) {
      throw new ConfigException(file + ": pharmacy.searches must be a list");
    }
    List<PharmacyConfig.SearchGroup> groups = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigValues entry =
          ConfigValues.of(file, "pharmacy.searches[" + i + "]", list.get(i), SEARCH_KEYS);
      List<String> locations = entry.has("locations") ? entry.strings("locations") : List.of();
      if (entry.has("location")) {
        locations = new ArrayList<>(locations);
        locations.add(entry.text("location", null));
      }
      if (locations.isEmpty()) {
        throw new ConfigException(file + ": pharmacy.searches[" + i + "].location is empty");
      }
      List<String> queries = entry.has("queries") ? entry.strings("queries") : defaultQueries;
      if (queries.isEmpty()) {
        throw new ConfigException(file + ": pharmacy.searches[" + i + "].queries is empty");
      }
      for (String location : locations) {
        groups.add(new PharmacyConfig.SearchGroup(location, List.copyOf(queries)));
      }
    }
    return List.copyOf(groups);
  }
}
