package io.trawl.activities.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.market.store.MarketStats;
import io.trawl.activities.market.store.MarketStatsReport;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.market.QuoteLookup;
import io.trawl.workflows.market.QuoteSource;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The statistics {@code market stats} prints equal what the sandboxes themselves counted. */
class MarketStatsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private MarketSandboxes market;

  @AfterEach
  void close() {
    market.close();
  }

  @Test
  void requestsSuccessesCostAndCacheHitsEqualWhatTheSandboxesCounted() {
    market =
        new MarketSandboxes(
            db.getTestDatabase(),
            UnlockerFaults.builder().robotPages(2, 200).rateLimited(1, 5).build(),
            YahooFaults.builder().faultRate(0.3).seed(7).burstLimit(0).build());
    List<String> symbols =
        Instruments.bloombergIds().stream().filter(s -> s.endsWith(":US")).limit(12).toList();
    int quoted = 0;
    for (int round = 0; round < 3; round++) {
      for (String symbol : symbols) {
        try {
          market.chain.fetch(new QuoteLookup(symbol, false, round == 2 ? QuoteSource.YAHOO : null));
          quoted++;
        } catch (ApplicationFailure expected) {
          // Counted as failures on both sides.
        }
      }
      market.clock.advance(Duration.ofMinutes(5));
    }

    MarketStatsReport stats =
        new MarketStats(
                db.getTestDatabase(),
                UnlockerBudget.scope(true),
                new BigDecimal("5.50"),
                ZoneId.of("UTC"))
            .today(market.clock.instant());

    MarketStatsReport.SourceStats brightData = stats.source("bright_data");
    MarketStatsReport.SourceStats yahoo = stats.source("yahoo");
    assertThat(brightData.requests()).isEqualTo(market.unlocker.requests());
    assertThat(brightData.successes()).isEqualTo(market.unlocker.billedRequests());
    assertThat(brightData.costUsd())
        .isEqualByComparingTo(
            MarketSandboxes.COST.multiply(BigDecimal.valueOf(market.unlocker.billedRequests())));
    assertThat(yahoo.requests()).isEqualTo(market.yahoo.requests());
    assertThat(yahoo.successes()).isEqualTo(market.yahoo.chartsServed());
    assertThat(yahoo.failures()).isGreaterThan(0);
    assertThat(stats.cache().hits() + brightData.successes() + yahoo.successes()).isEqualTo(quoted);
    assertThat(stats.cache().hits() + stats.cache().misses())
        .as("rounds one and two read the cache, round three forces Yahoo")
        .isEqualTo(2L * symbols.size());
    assertThat(stats.totalCostUsd()).isEqualByComparingTo(brightData.costUsd());
    assertThat(stats.budget().spentUsd()).isEqualByComparingTo(brightData.costUsd());
    assertThat(stats.budget().remainingUsd())
        .isEqualByComparingTo(new BigDecimal("5.50").subtract(brightData.costUsd()));
    assertThat(stats.breaker("bright_data").calls())
        .isEqualTo(brightData.requests() + stats.breaker("bright_data").rejected());
  }
}
