package io.trawl.worker.config;

import io.trawl.activities.pharmacy.ClassificationRules;
import io.trawl.activities.pharmacy.VerificationScorer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * trawl.yaml's {@code pharmacy:} section.
 *
 * @param searches each location with its own queries (the original's loader dropped per-location
 *     queries; they are kept here)
 * @param actor the Apify actor id, tilde form
 * @param cacheTtl how long a search's places answer from the query cache
 * @param verifyAll verify every place of a run, not only places never verified
 * @param llm the LLM classification fallback; null (the default) keeps it off
 */
public record PharmacyConfig(
    List<SearchGroup> searches,
    String actor,
    String language,
    int maxPlaces,
    boolean verify,
    boolean verifyAll,
    double verificationThreshold,
    Duration cacheTtl,
    ClassificationRules rules,
    Costs costs,
    Llm llm) {

  /** One location and the queries run there. */
  public record SearchGroup(String location, List<String> queries) {}

  /**
   * {@code pharmacy.llm}: asks an OpenAI-compatible chat model about places the rules label below
   * {@code minConfidence} (and not compounding); on only when {@code LLM_API_KEY} is set as well.
   *
   * @param baseUrl the API root when {@code LLM_BASE_URL} is unset; null for Perplexity's
   * @param callUsd what one call costs, reserved against the {@code llm} budget
   * @param cacheTtl how long an answer for a name and address is reused
   */
  public record Llm(
      String model, String baseUrl, BigDecimal callUsd, double minConfidence, Duration cacheTtl) {
    public static final String DEFAULT_MODEL = "sonar";
    public static final double DEFAULT_MIN_CONFIDENCE = 0.9;
  }

  /**
   * What the pharmacy's paid calls cost (PROVIDERS.md §3, §7; configurable as prices change).
   *
   * @param placesUsd one Text Search (New) request at the Pro SKU the verification mask hits
   */
  public record Costs(
      BigDecimal actorStartUsd, BigDecimal perPlaceUsd, BigDecimal placesUsd, BigDecimal llmUsd) {
    public static final Costs DEFAULTS =
        new Costs(
            new BigDecimal("0.007"),
            new BigDecimal("0.004"),
            new BigDecimal("0.032"),
            new BigDecimal("0.01"));
  }

  public static final String DEFAULT_ACTOR = "compass~crawler-google-places";

  public static final PharmacyConfig DEFAULTS =
      new PharmacyConfig(
          List.of(new SearchGroup("San Francisco, CA", List.of("pharmacy"))),
          DEFAULT_ACTOR,
          "en",
          25,
          true,
          false,
          VerificationScorer.DEFAULT_THRESHOLD,
          Duration.ofDays(7),
          ClassificationRules.DEFAULTS,
          Costs.DEFAULTS,
          null);

  /** This configuration with the LLM fallback set to {@code llm} (null turns it off). */
  public PharmacyConfig withLlm(Llm llm) {
    return new PharmacyConfig(
        searches,
        actor,
        language,
        maxPlaces,
        verify,
        verifyAll,
        verificationThreshold,
        cacheTtl,
        rules,
        costs,
        llm);
  }

  /** Reads the section of {@code config}; errors name the file and the key. */
  public static PharmacyConfig of(TrawlConfig config) {
    return config.section("pharmacy", PharmacyConfigParser::parse);
  }
}
