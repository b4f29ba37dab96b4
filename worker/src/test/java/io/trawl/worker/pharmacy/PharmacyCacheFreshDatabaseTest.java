package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.store.Migrations;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The original's "cache storage" test: on an empty database the worker's own migrations create the
 * cache table from zero, the first run stores its search there and the second is served from it.
 */
class PharmacyCacheFreshDatabaseTest {
  @RegisterExtension
  final SingleInstancePostgresExtension postgres = EmbeddedPostgresExtension.singleInstance();

  @Test
  void anEmptyDatabaseIsMigratedFromZeroAndStoresThenServesTheSearch() {
    DataSource empty = postgres.getEmbeddedPostgres().getPostgresDatabase();
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            empty,
            new MapsUniverse(),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build())) {
      assertThat(
              stack.count(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
          .isZero();

      Migrations.migrate(empty);
      stack.startWorker(CallBudgets.DEFAULTS);
      PharmacyRunRequest request =
          new PharmacyRunRequest(
              List.of("pharmacy"), List.of("Austin, TX"), false, null, null, null, null, null);
      PharmacyRunResult first = stack.newRun(request).run(request);
      PharmacyRunResult second = stack.newRun(request).run(request);

      assertThat(stack.count("SELECT count(*) FROM api_cache WHERE key = 'pharmacy_austin,_tx'"))
          .isEqualTo(1);
      assertThat(first.cacheHits()).isZero();
      assertThat(second.cacheHits()).isEqualTo(1);
      assertThat(second.unique()).isEqualTo(first.unique()).isPositive();
      assertThat(stack.apify.runsStarted()).isEqualTo(1);
    }
  }
}
