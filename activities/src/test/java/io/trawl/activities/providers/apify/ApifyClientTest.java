package io.trawl.activities.providers.apify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.workflows.common.Failures;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ApifyClientTest {
  private static final String TOKEN = "apify_api_secret_123";
  private static final String ACTOR = "compass~crawler-google-places";
  private static final ApifyRunInput INPUT =
      new ApifyRunInput(List.of("pharmacy"), "San Francisco, CA", 100, "en");

  private FakeApify fake;
  private ApifyClient client;

  private void start(ApifyFaults.Builder faults) {
    fake = new FakeApify(TOKEN, new MapsUniverse(), faults.millisPerSecond(5).build()).start();
    client = new ApifyClient(new ApifyConfig(fake.baseUrl(), TOKEN));
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void startRunReturnsTheRunAndPaysOnce() {
    start(ApifyFaults.builder());

    ApifyRun run = client.startRun(ACTOR, INPUT, 1.0);

    assertThat(run.status()).isEqualTo("READY");
    assertThat(run.isFinished()).isFalse();
    assertThat(run.defaultDatasetId()).isNotBlank();
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void getRunLongPollsUntilTheRunSucceeds() {
    start(ApifyFaults.builder());
    ApifyRun started = client.startRun(ACTOR, INPUT, null);

    ApifyRun done = client.getRun(started.id(), 60);
    ApifyRun settled = client.getRun(started.id(), 0);

    assertThat(done.status()).isEqualTo(ApifyRun.SUCCEEDED);
    assertThat(done.endedEarly()).isFalse();
    assertThat(settled.usageTotalUsd())
        .isEqualTo(0.007 + 0.004 * fake.placesBilled(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(settled.placesCharged()).isEqualTo(fake.placesBilled());
  }

  @Test
  void getRunAtTheCapIsStillRunning() {
    start(ApifyFaults.builder().runSeconds(100_000));
    ApifyRun started = client.startRun(ACTOR, INPUT, null);

    assertThat(client.getRun(started.id(), 1).status()).isEqualTo("RUNNING");
  }

  @Test
  void pagingByLimitUntilTotalCollectsEveryPlaceDespiteShortPages() {
    start(ApifyFaults.builder().hiddenItemEvery(3));
    ApifyRun run = client.getRun(client.startRun(ACTOR, INPUT, null).id(), 60);

    List<JsonNode> items = new ArrayList<>();
    ApifyItemsPage page;
    long offset = 0;
    int shortPages = 0;
    do {
      page = client.itemsPage(run.defaultDatasetId(), offset, 7);
      items.addAll(page.items());
      shortPages += page.items().size() < 7 && page.hasMore() ? 1 : 0;
      offset = page.nextOffset();
    } while (page.hasMore());

    assertThat(items).hasSize((int) fake.placesBilled());
    assertThat(shortPages).isPositive();
    // Stopped at X-Apify-Pagination-Total: no request past it for an empty page.
    assertThat(fake.requests(FakeApify.ITEMS)).isEqualTo((page.total() + 6) / 7);
    assertThat(items.get(0).get("title").asText()).isEqualTo("CVS Pharmacy");
  }

  @Test
  void inputCapsPlacesPerSearch() {
    start(ApifyFaults.builder());
    ApifyRunInput five = new ApifyRunInput(List.of("pharmacy", "drugstore"), "Austin, TX", 5, "en");
    ApifyRun run = client.getRun(client.startRun(ACTOR, five, null).id(), 60);

    ApifyItemsPage page = client.itemsPage(run.defaultDatasetId(), 0, 100);

    assertThat(page.total()).isEqualTo(10);
    assertThat(page.items())
        .extracting(i -> i.get("searchString").asText())
        .containsOnly("pharmacy", "drugstore");
  }

  @Test
  void failedRunEndsEarlyWithItsPartialItems() {
    start(ApifyFaults.builder().outcome("FAILED"));
    ApifyRun run = client.getRun(client.startRun(ACTOR, INPUT, null).id(), 60);

    assertThat(run.status()).isEqualTo(ApifyRun.FAILED);
    assertThat(run.endedEarly()).isTrue();
    assertThat(client.itemsPage(run.defaultDatasetId(), 0, 1000).items()).isNotEmpty();
  }

  @Test
  void abortRunStopsTheRun() {
    start(ApifyFaults.builder().runSeconds(100_000));
    ApifyRun started = client.startRun(ACTOR, INPUT, null);

    ApifyRun aborting = client.abortRun(started.id());

    assertThat(aborting.status()).isEqualTo("ABORTING");
    assertThat(client.getRun(started.id(), 0).status()).isEqualTo(ApifyRun.ABORTED);
    assertThat(fake.runsAborted()).isEqualTo(1);
  }

  @Test
  void rateLimitIsRetryableWithoutADelaySoThePolicyBacksOff() {
    start(ApifyFaults.builder().rateLimited(1));

    ApplicationFailure failure = failure(() -> client.startRun(ACTOR, INPUT, null));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage())
        .startsWith("Apify answered 429 rate-limit-exceeded: You have exceeded");
    assertThat(ApifyClient.INITIAL_BACKOFF.toMillis()).isEqualTo(500);
  }

  @Test
  void serverErrorIsUnavailableThenTheRetrySucceeds() {
    start(ApifyFaults.builder().common(CommonFaults.none().withServerErrors(1)));

    ApplicationFailure failure = failure(() -> client.startRun(ACTOR, INPUT, null));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(client.startRun(ACTOR, INPUT, null).id()).isNotBlank();
  }

  @Test
  void badTokenIsFinalAndNamesTheVariableNotTheToken() {
    start(ApifyFaults.builder());
    ApifyClient wrong = new ApifyClient(new ApifyConfig(fake.baseUrl(), "apify_api_wrong_999"));

    ApplicationFailure failure = failure(() -> wrong.startRun(ACTOR, INPUT, null));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("401 user-or-token-not-found")
        .endsWith("; check APIFY_TOKEN")
        .doesNotContain("apify_api_wrong_999");
  }

  @Test
  void unknownActorIsRejectedNamingTheActor() {
    start(ApifyFaults.builder());

    ApplicationFailure failure = failure(() -> client.startRun("someone~nothing", INPUT, null));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.getOriginalMessage())
        .startsWith("Apify has no actor someone~nothing (404 actor-not-found");
  }

  @Test
  void unknownRunIsNotFoundNamingTheRun() {
    start(ApifyFaults.builder());

    ApplicationFailure failure = failure(() -> client.getRun("nosuchrun", 0));

    assertThat(failure.getType()).isEqualTo(Failures.NOT_FOUND);
    assertThat(failure.getOriginalMessage()).startsWith("Apify has no run nosuchrun");
  }

  @Test
  void htmlPageWithStatus200IsUnavailable() {
    start(ApifyFaults.builder().common(CommonFaults.none().withHtmlPages(1)));

    ApplicationFailure failure = failure(() -> client.getRun("any", 0));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("an HTML page instead of JSON");
  }

  @Test
  void truncatedPageIsUnavailable() {
    start(
        ApifyFaults.builder()
            .common(CommonFaults.none().withTruncatedJson(1).onlyAt(FakeApify.ITEMS)));
    ApifyRun run = client.getRun(client.startRun(ACTOR, INPUT, null).id(), 60);

    ApplicationFailure failure = failure(() -> client.itemsPage(run.defaultDatasetId(), 0, 50));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(client.itemsPage(run.defaultDatasetId(), 0, 50).items()).isNotEmpty();
  }

  @Test
  void connectionResetMidBodyIsUnavailable() {
    start(
        ApifyFaults.builder()
            .common(CommonFaults.none().withResetMidBody(1).onlyAt(FakeApify.RUN)));
    ApifyRun started = client.startRun(ACTOR, INPUT, null);

    ApplicationFailure failure = failure(() -> client.getRun(started.id(), 0));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .startsWith("Apify GET /actor-runs/" + started.id() + " failed with");
  }

  private static ApplicationFailure failure(ThrowingCallable call) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    assertThat(failure).as("expected an ApplicationFailure").isNotNull();
    return failure;
  }
}
