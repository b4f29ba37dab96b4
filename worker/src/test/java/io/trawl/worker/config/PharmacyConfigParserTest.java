package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PharmacyConfigParserTest {
  private static TrawlConfig load(String yaml) throws Exception {
    return TrawlConfigLoader.parse(
        "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void perLocationQueriesAreKeptAndOthersTakeTheDefaultQueries() throws Exception {
    PharmacyConfig config =
        PharmacyConfig.of(
            load(
                """
                pharmacy:
                  queries: [independent pharmacy]
                  searches:
                    - location: San Francisco, CA
                      queries: [pharmacy, compounding pharmacy]
                    - locations: [Austin, TX, Anchorage, AK]
                  max_places: 50
                  verify_scope: all
                  cache_ttl: 1d
                  classification: {chains: [Bi-Mart]}
                  costs: {places_request_usd: 0.035}
                """));

    assertThat(config.searches())
        .containsExactly(
            new PharmacyConfig.SearchGroup(
                "San Francisco, CA", List.of("pharmacy", "compounding pharmacy")),
            new PharmacyConfig.SearchGroup("Austin", List.of("independent pharmacy")),
            new PharmacyConfig.SearchGroup("TX", List.of("independent pharmacy")),
            new PharmacyConfig.SearchGroup("Anchorage", List.of("independent pharmacy")),
            new PharmacyConfig.SearchGroup("AK", List.of("independent pharmacy")));
    assertThat(config.maxPlaces()).isEqualTo(50);
    assertThat(config.verifyAll()).isTrue();
    assertThat(config.cacheTtl()).isEqualTo(Duration.ofDays(1));
    assertThat(config.rules().chains()).contains("CVS", "Bi-Mart");
    assertThat(config.costs().placesUsd()).isEqualByComparingTo("0.035");
    assertThat(config.costs().actorStartUsd()).isEqualByComparingTo("0.007");
  }

  @Test
  void theLlmFallbackIsOffUnlessItsSectionIsThereAndTakesDefaultsFromTheRest() throws Exception {
    assertThat(PharmacyConfig.of(load("pharmacy: {verify: false}\n")).llm()).isNull();

    PharmacyConfig.Llm defaults =
        PharmacyConfig.of(load("pharmacy: {cache_ttl: 2d, costs: {llm_call_usd: 0.02}, llm: {}}\n"))
            .llm();
    assertThat(defaults)
        .isEqualTo(
            new PharmacyConfig.Llm("sonar", null, new BigDecimal("0.02"), 0.9, Duration.ofDays(2)));

    PharmacyConfig.Llm given =
        PharmacyConfig.of(
                load(
                    """
                    pharmacy:
                      llm:
                        model: gpt-4o-mini
                        base_url: https://llm.example.com/v1
                        cost_per_call_usd: 0.001
                        min_confidence: 0.8
                        cache_ttl: 30d
                    """))
            .llm();
    assertThat(given)
        .isEqualTo(
            new PharmacyConfig.Llm(
                "gpt-4o-mini",
                "https://llm.example.com/v1",
                new BigDecimal("0.001"),
                0.8,
                Duration.ofDays(30)));
  }

  @Test
  void noSectionGivesTheDefaults() throws Exception {
    assertThat(PharmacyConfig.of(load("jobs: {}\n"))).isEqualTo(PharmacyConfig.DEFAULTS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pharmacy: {max_places: 0}                  | trawl.yaml: pharmacy.max_places must be a whole number within 1..5000, got 0
          pharmacy: {verify: maybe}                  | trawl.yaml: pharmacy.verify must be true or false, got "maybe"
          pharmacy: {verify_scope: some}             | trawl.yaml: pharmacy.verify_scope must be unverified or all, got "some"
          pharmacy: {cache_ttl: forever}             | trawl.yaml: pharmacy.cache_ttl is not a duration
          pharmacy: {searches: [{queries: [x]}]}     | trawl.yaml: pharmacy.searches[0].location is empty
          pharmacy: {classification: {chain: [x]}}   | trawl.yaml: unknown key pharmacy.classification.chain
          pharmacy: {costs: {llm_call_usd: -1}}      | trawl.yaml: pharmacy.costs.llm_call_usd must be a number >= 0
          pharmacy: {actor: 'not an actor!'}         | trawl.yaml: pharmacy.actor must be an actor id
          pharmacy: {verification_threshold: 2}      | trawl.yaml: pharmacy.verification_threshold must be a number within 0..1
          pharmacy: {llm: {min_confidence: 1.5}}     | trawl.yaml: pharmacy.llm.min_confidence must be a number within 0..1
          pharmacy: {llm: {temperature: 0.1}}        | trawl.yaml: unknown key pharmacy.llm.temperature
          pharmacy: {llm: {base_url: 'ftp://x'}}     | trawl.yaml: pharmacy.llm.base_url must be an http(s) URL, got "ftp://x"
          pharmacy: {llm: {cost_per_call_usd: free}} | trawl.yaml: pharmacy.llm.cost_per_call_usd must be a number >= 0
          pharmacy: {llm: {cache_ttl: soon}}         | trawl.yaml: pharmacy.llm.cache_ttl is not a duration
          pharmacy: {llm: [sonar]}                   | trawl.yaml: pharmacy.llm must be a mapping
          providers: {places: {rate: fast}}          | trawl.yaml: providers.places.rate must be a positive rate such as 5/s
          providers: {yahoo: {rate: 1/s}}            | trawl.yaml: unknown key providers.yahoo
          budgets: {places: {daily_usd: lots}}       | trawl.yaml: budgets.places.daily_usd must be a number >= 0
          """)
  void badValuesNameTheFileAndTheKey(String yaml, String message) {
    assertThatThrownBy(
            () -> {
              TrawlConfig config = load(yaml + "\n");
              PharmacyConfig.of(config);
              ProviderLimits.of(config);
              CallBudgets.of(config);
            })
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void providerRatesAndCallBudgetsHaveDefaultsAndReadUnits() throws Exception {
    TrawlConfig config =
        load(
            """
            providers: {places: {rate: 120/m, concurrency: 2}}
            budgets: {zone: Europe/Amsterdam, places: {daily_usd: 2.5}}
            """);

    assertThat(ProviderLimits.of(config).of("places")).isEqualTo(new ProviderLimits.Limit(2.0, 2));
    assertThat(ProviderLimits.of(config).of("apify")).isEqualTo(new ProviderLimits.Limit(10, 4));
    assertThat(CallBudgets.of(config).daily("places")).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(CallBudgets.of(config).daily("apify")).isEqualByComparingTo("10");
    assertThat(CallBudgets.of(config).zone().getId()).isEqualTo("Europe/Amsterdam");
  }
}
