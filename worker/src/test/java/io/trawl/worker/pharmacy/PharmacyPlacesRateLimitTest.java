package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Places rate limit holds across worker processes: {@code providers.places.rate: 5/s} is the
 * task queue's {@code maxTaskQueueActivitiesPerSecond}, which the server enforces for every worker
 * of {@code trawl-provider-places}. On the real dev server: the Java test server does not enforce
 * task queue rates.
 *
 * <p>The server's limiter is a token bucket whose burst is the rate rounded up (matching's
 * rateLimitManager: {@code burst = ceil(rps)}; Temporal's own TestTaskQueueAPIRateLimitOverrides
 * WorkerLimit expects "the first five activities run immediately" at 5 RPS). So an idle queue
 * starts 5 calls at once and 5 more within that second: 30 calls need at least (30 − 5) / 5 = 5 s,
 * and a one-second window holds 5 + 5 dispatches. The sandbox counts arrivals, and the way from
 * dispatch to arrival (a worker's poll, an HTTP call) varies on a loaded machine, so calls cross
 * window edges: CI counted 11 and 12. Were the rate held by each worker alone, two workers would
 * take about half that time (2.5 s) and see up to 20 calls in a second (each worker's burst and
 * refill): the test tells the two apart by the 5 s floor and by staying under those 20.
 */
class PharmacyPlacesRateLimitTest {
  @RegisterExtension static final DevServerExtension server = new DevServerExtension();

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final int PLACES = 30;
  private static final int RATE = 5;

  @Test
  void thirtyVerificationsThroughTwoWorkersAtFivePerSecondAreHeldToTheQueueRateAcrossBothWorkers() {
    Map<String, ProviderLimits.Limit> limits = new HashMap<>(ProviderLimits.DEFAULTS);
    limits.put("places", new ProviderLimits.Limit(RATE, 5));
    try (PharmacyTestStack stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(PLACES),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build(),
            server.workflowClient())) {
      stack.startWorker(CallBudgets.DEFAULTS, new ProviderLimits(limits));
      stack.startWorker(CallBudgets.DEFAULTS, new ProviderLimits(limits));
      // First the places, unverified; then a run of the same search from the cache verifies them.
      PharmacyRunRequest collect =
          new PharmacyRunRequest(
              List.of("pharmacy"), List.of("Denver, CO"), false, PLACES, null, null, null, null);
      PharmacyRunRequest verify =
          new PharmacyRunRequest(
              List.of("pharmacy"), List.of("Denver, CO"), true, PLACES, null, null, null, null);
      assertThat(stack.newRun(collect).run(collect).unique()).isEqualTo(PLACES);

      long started = System.nanoTime();
      PharmacyRunResult verified = stack.newRun(verify).run(verify);
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(verified.cacheHits()).isEqualTo(1);
      // Every place was looked up once (one the Places API does not know stays unmatched).
      assertThat(verified.unverified()).isZero();
      assertThat(stack.places.requests()).isEqualTo(PLACES);
      assertThat(seconds).isGreaterThanOrEqualTo((PLACES - RATE) / (double) RATE);
      assertThat(stack.places.maxRequestsInAnySecond()).isLessThan(4 * RATE);
    }
  }
}
