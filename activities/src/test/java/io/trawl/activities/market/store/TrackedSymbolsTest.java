package io.trawl.activities.market.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.workflows.market.AssetClass;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tracked symbols on real PostgreSQL, changed while workers run. */
class TrackedSymbolsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void addsEitherFormCanonicallyOnceInfersTheClassAndRemoves() {
    TrackedSymbols tracked = new TrackedSymbols(db.getTestDatabase());

    assertThat(tracked.add("AAPL", null)).isTrue();
    assertThat(tracked.add("aapl:us", null)).as("already tracked").isFalse();
    assertThat(tracked.add("EURUSD=X", null)).isTrue();
    assertThat(tracked.add("SPY:US", AssetClass.ETF)).isTrue();

    assertThat(tracked.list())
        .extracting(TrackedSymbols.TrackedSymbol::symbol, TrackedSymbols.TrackedSymbol::assetClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AAPL:US", AssetClass.STOCKS),
            org.assertj.core.groups.Tuple.tuple("EURUSD:CUR", AssetClass.FOREX),
            org.assertj.core.groups.Tuple.tuple("SPY:US", AssetClass.ETF));
    assertThat(tracked.remove("AAPL")).isTrue();
    assertThat(tracked.remove("AAPL:US")).isFalse();
    assertThat(tracked.list()).hasSize(2);
  }

  @Test
  void seedsOnlyAnEmptyTableAndRefusesUnknownSymbolsNamingThem() {
    TrackedSymbols tracked = new TrackedSymbols(db.getTestDatabase());

    assertThat(tracked.seedIfEmpty(List.of("AAPL:US", "GC1:COM"))).isEqualTo(2);
    tracked.remove("AAPL:US");
    assertThat(tracked.seedIfEmpty(List.of("AAPL:US", "MSFT:US"))).isZero();
    assertThatThrownBy(() -> tracked.add("FOO:XX", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"FOO:XX\"");
  }
}
