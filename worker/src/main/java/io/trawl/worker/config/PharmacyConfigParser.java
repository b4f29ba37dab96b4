package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.pharmacy.ClassificationRules;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import java.math.BigDecimal;
import java.time.Duration;
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
 *   llm:                                # off unless present (and LLM_API_KEY is set)
 *     model: sonar
 *     base_url: https://api.perplexity.ai # LLM_BASE_URL wins when set
 *     cost_per_call_usd: 0.01             # default costs.llm_call_usd
 *     min_confidence: 0.9                 # ask about places the rules label below this
 *     cache_ttl: 30d                      # default cache_ttl
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
  private static final Set<String> LLM_KEYS =
      Set.of("model", "base_url", "cost_per_call_usd", "min_confidence", "cache_ttl");

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
    PharmacyConfig.Costs parsedCosts =
        new PharmacyConfig.Costs(
            costs.money("apify_actor_start_usd", dc.actorStartUsd()),
            costs.money("apify_per_place_usd", dc.perPlaceUsd()),
            costs.money("places_request_usd", dc.placesUsd()),
            costs.money("llm_call_usd", dc.llmUsd()));
    Duration cacheTtl = v.duration("cache_ttl", d.cacheTtl());
    return new PharmacyConfig(
        searches(file, v, defaultQueries, d),
        actor.replace('/', '~'),
        v.text("language", d.language()),
        v.whole("max_places", d.maxPlaces(), 1, PharmacyRunRequest.MAX_PLACES_LIMIT),
        v.flag("verify", d.verify()),
        scope.equals("all"),
        v.fraction("verification_threshold", d.verificationThreshold()),
        cacheTtl,
        ClassificationRules.DEFAULTS.extendedWith(
            classes.strings("chains"),
            classes.strings("hospital_terms"),
            classes.strings("pharmacy_categories"),
            classes.strings("veterinary_terms")),
        parsedCosts,
        llm(file, v, parsedCosts.llmUsd(), cacheTtl));
  }

  /** The LLM fallback when {@code pharmacy.llm} is present (an empty mapping takes defaults). */
  private static PharmacyConfig.Llm llm(
      String file, ConfigValues v, BigDecimal callUsd, Duration cacheTtl) {
    if (!v.node().has("llm")) {
      return null;
    }
    ConfigValues llm = v.child("llm", LLM_KEYS);
    String baseUrl = llm.text("base_url", null);
    if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
      throw new ConfigException(
          file + ": pharmacy.llm.base_url must be an http(s) URL, got \"" + baseUrl + "\"");
    }
    return new PharmacyConfig.Llm(
        llm.text("model", PharmacyConfig.Llm.DEFAULT_MODEL),
        baseUrl,
        llm.money("cost_per_call_usd", callUsd),
        llm.fraction("min_confidence", PharmacyConfig.Llm.DEFAULT_MIN_CONFIDENCE),
        llm.duration("cache_ttl", cacheTtl));
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
