package io.trawl.worker.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collection whose sources are all down waits, through the activity's next retry delay, until the
 * first breaker half-opens, and is served by its trial. The activities and sandboxes run on the
 * test server's skipped time.
 */
class MarketCollectionRetryTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private final MarketTestStack stack =
      new MarketTestStack(
          UnlockerFaults.builder().alwaysRobot(true).build(),
          YahooFaults.builder().faultRate(0).outagePages(5, 503).build());

  @AfterEach
  void tearDown() {
    stack.close();
  }

  @Test
  void everySourceDownWaitsForTheFirstBreakerToHalfOpenAndItsTrialServes() {
    stack.startWorker(db.getTestDatabase());

    MarketCollectionSummary summary = stack.collect(1);

    // AAPL:US: three attempts while the breakers count failures; the third opens Bright Data's.
    // The next symbol waits 120 s (Bright Data's wait), opens Yahoo's on its second attempt,
    // waits the 60 s Yahoo's breaker asks for, and its half-open trial is served.
    assertThat(summary.failedSymbols()).containsExactly("AAPL:US");
    assertThat(summary.quotesBySource()).containsExactly(Map.entry("yahoo", 4));
    assertThat(rows("SELECT source || ':' || to_state FROM market_breaker_events ORDER BY id"))
        .containsExactly(
            "bright_data:open",
            "bright_data:half_open",
            "bright_data:open",
            "yahoo:open",
            "yahoo:half_open",
            "yahoo:closed");
    Duration yahooWait =
        Duration.ofMillis(
            Long.parseLong(
                rows("SELECT (extract(epoch FROM max(at) FILTER (WHERE to_state = 'half_open'))"
                        + " - extract(epoch FROM max(at) FILTER (WHERE to_state = 'open')))"
                        + " * 1000 FROM market_breaker_events WHERE source = 'yahoo'")
                    .get(0)
                    .replaceAll("\\..*", "")));
    assertThat(yahooWait).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(stack.unlocker.billedRequests()).isZero();
  }

  private List<String> rows(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return values;
  }
}
