package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.activities.market.SourceBreaker;
import io.trawl.workflows.market.QuoteSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketConfigParserTest {
  private static TrawlConfig load(String yaml) throws Exception {
    return TrawlConfigLoader.parse(
        "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheChainTtlsBreakersZoneAndTheUnlockerBudget() throws Exception {
    TrawlConfig config =
        load(
            """
            market:
              sources: [cache, yahoo, bright_data]
              cache_ttl: 5m
              collect_every: 30m
              parallelism: 4
              symbols: [AAPL, vod:ln]
              bright_data: {zone: quotes_zone, cost_per_request_usd: 0.002}
              breakers:
                yahoo: {failures: 7, open_for: 90s}
            budgets:
              brightdata-unlocker: {daily_usd: 2}
            """);
    MarketConfig market = MarketConfig.of(config);

    assertThat(market.sources())
        .containsExactly(QuoteSource.CACHE, QuoteSource.YAHOO, QuoteSource.BRIGHT_DATA);
    assertThat(market.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(market.collectEvery()).isEqualTo(Duration.ofMinutes(30));
    assertThat(market.parallelism()).isEqualTo(4);
    assertThat(market.symbols()).containsExactly("AAPL:US", "VOD:LN");
    assertThat(market.unlockerZone()).isEqualTo("quotes_zone");
    assertThat(market.unlockerCostUsd()).isEqualByComparingTo("0.002");
    assertThat(market.yahooBreaker())
        .isEqualTo(new SourceBreaker.Settings(7, Duration.ofSeconds(90)));
    assertThat(market.brightDataBreaker()).isEqualTo(SourceBreaker.Settings.BRIGHT_DATA);
    assertThat(CallBudgets.of(config).daily("brightdata-unlocker")).isEqualByComparingTo("2");
  }

  @Test
  void noSectionGivesTheOriginalsDefaults() throws Exception {
    TrawlConfig config = load("jobs: {}\n");

    assertThat(MarketConfig.of(config)).isEqualTo(MarketConfig.DEFAULTS);
    assertThat(MarketConfig.DEFAULTS.cacheTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(MarketConfig.DEFAULTS.sources())
        .isEqualTo(List.of(QuoteSource.CACHE, QuoteSource.BRIGHT_DATA, QuoteSource.YAHOO));
    assertThat(CallBudgets.of(config).daily("brightdata-unlocker"))
        .isEqualByComparingTo(new BigDecimal("5.50"));
  }

  @Test
  void theRepositoryTrawlYamlSpellsOutTheDefaultsAndSchedulesTheCollection() {
    TrawlConfig config = TrawlConfigLoader.load(java.nio.file.Path.of("../trawl.yaml"));

    assertThat(MarketConfig.of(config)).isEqualTo(MarketConfig.DEFAULTS);
    assertThat(
            io.trawl.worker.schedule.ScheduleDefinitions.fromConfig(
                config, io.trawl.worker.schedule.ScheduledWorkflowKinds.standard()))
        .extracting(d -> d.kind().name())
        .contains("market-collect", "market-cache-cleanup");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          market: {cache_ttl: 2h}                      | trawl.yaml: market.cache_ttl must be 1m to 60m, got "2h"
          market: {cache_ttl: 30s}                     | trawl.yaml: market.cache_ttl must be 1m to 60m, got "30s"
          market: {collect_every: 61m}                 | trawl.yaml: market.collect_every must be 1m to 60m, got "61m"
          market: {cache_ttl: soon}                    | trawl.yaml: market.cache_ttl is not a duration
          market: {sources: [cache, bloomberg]}        | trawl.yaml: market.sources[1]: unknown quote source "bloomberg"
          market: {sources: [yahoo, yahoo]}            | trawl.yaml: market.sources[1]: yahoo is listed twice
          market: {sources: []}                        | trawl.yaml: market.sources is empty
          market: {symbols: [AAPL:US, FOO:XX]}         | trawl.yaml: market.symbols[1]: unknown symbol "FOO:XX"
          market: {parallelism: 0}                     | trawl.yaml: market.parallelism must be a whole number within 1..64, got 0
          market: {breakers: {yahoo: {failures: 0}}}   | trawl.yaml: market.breakers.yahoo.failures must be a whole number within 1..1000, got 0
          market: {breakers: {bloomberg: {}}}          | trawl.yaml: unknown key market.breakers.bloomberg
          market: {bright_data: {cost_per_request_usd: -1}} | trawl.yaml: market.bright_data.cost_per_request_usd must be a number >= 0
          market: {ttl: 5m}                            | trawl.yaml: unknown key market.ttl
          budgets: {brightdata-unlocker: {daily_usd: x}} | trawl.yaml: budgets.brightdata-unlocker.daily_usd must be a number >= 0
          """)
  void badValuesNameTheFileAndTheKey(String yaml, String message) {
    assertThatThrownBy(
            () -> {
              TrawlConfig config = load(yaml + "\n");
              MarketConfig.of(config);
              CallBudgets.of(config);
            })
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }
}
