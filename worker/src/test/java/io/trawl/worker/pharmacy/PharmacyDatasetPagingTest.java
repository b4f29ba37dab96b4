package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Collection pages a dataset past one page: {@code clean=true} drops empty items, so pages come
 * back short while more follow; the stage advances by the limit and stops at {@code
 * X-Apify-Pagination-Total}, losing no place and asking for no page past the end.
 */
class PharmacyDatasetPagingTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void shortCleanPagesAdvanceByTheLimitAndStopAtTheTotal() {
    // 600 places and an empty item after every third: 800 dataset items, two pages of 500.
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(600),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).hiddenItemEvery(3).build())) {
      stack.startWorker(CallBudgets.DEFAULTS);
      PharmacyRunRequest request =
          new PharmacyRunRequest(
              List.of("pharmacy"), List.of("Boston, MA"), false, 600, null, null, null, null);

      PharmacyRunResult result = stack.newRun(request).run(request);

      assertThat(stack.apify.placesBilled()).isEqualTo(600);
      assertThat(result.collected()).isEqualTo(600);
      assertThat(result.unique()).isEqualTo(600);
      assertThat(stack.apify.requests(FakeApify.ITEMS)).isEqualTo(2);
    }
  }
}
