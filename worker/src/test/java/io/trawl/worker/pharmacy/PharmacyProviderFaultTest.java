package io.trawl.worker.pharmacy;

import static io.trawl.worker.faults.FaultOutcome.COMPLETES;
import static io.trawl.worker.faults.FaultOutcome.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.sandbox.places.SkuTier;
import io.trawl.worker.faults.ActivityRetries;
import io.trawl.worker.faults.ActivityRetries.Backoff;
import io.trawl.worker.faults.ActivityRetries.Retried;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pharmacy pipeline under every Apify and Places fault the sandboxes can inject, one row per
 * knob: the run completes or fails with a typed, readable error; the step the fault hits was
 * retried a bounded number of times with at least its backoff (or RetryInfo delay) between calls;
 * Apify started the actor runs the row names and Places billed what the ledger booked (or names the
 * answers lost on the way); a failed run leaves no staged items and no money held.
 */
class PharmacyProviderFaultTest {
  private static final PharmacyRunRequest RUN =
      new PharmacyRunRequest(
          List.of("pharmacy"), List.of("Town 1, CA"), true, null, true, null, null, null);
  private static final Map<String, BigDecimal> BUDGETS =
      Map.of("apify", BigDecimal.TEN, "places", BigDecimal.TEN, "llm", BigDecimal.ONE);
  private static final Backoff APIFY = Backoff.exponential(Duration.ofMillis(500));
  private static final Backoff PLACES = Backoff.exponential(Duration.ofSeconds(1));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private PharmacyTestStack stack;

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * One knob and what it must lead to.
   *
   * @param knob the fault, as a reader of the table says it
   * @param arm sets the fault on the stack's sandboxes
   * @param expected completes, or fails with a type and a message part
   * @param actorRuns actor runs Apify started (each is paid)
   * @param retried the activity type the fault hits; null when none is retried
   * @param retries failed calls of that type, over all its activities
   * @param backoff the least wait before each retry
   * @param check more about a completed run; null for none
   * @param lostAnswers Places lookups billed whose 200 answer broke on the way: the client cannot
   *     read it, so the ledger gives the reservation back and the retry pays again
   */
  record Row(
      String knob,
      Consumer<PharmacyTestStack> arm,
      FaultOutcome expected,
      long actorRuns,
      String retried,
      int retries,
      Backoff backoff,
      Consumer<PharmacyRunResult> check,
      int lostAnswers) {
    Row(
        String knob,
        Consumer<PharmacyTestStack> arm,
        FaultOutcome expected,
        long actorRuns,
        String retried,
        int retries,
        Backoff backoff,
        Consumer<PharmacyRunResult> check) {
      this(knob, arm, expected, actorRuns, retried, retries, backoff, check, 0);
    }

    @Override
    public String toString() {
      return knob
          + " → "
          + expected
          + ", paid actor runs "
          + actorRuns
          + (lostAnswers > 0 ? ", " + lostAnswers + " billed lookup lost on the way" : "");
    }
  }

  private static Consumer<PharmacyTestStack> apify(ApifyFaults.Builder faults) {
    return stack -> stack.apify.faults(faults.runSeconds(2).millisPerSecond(20).build());
  }

  /** Actor runs that take 40 ms instead of 10 s. */
  private static ApifyFaults.Builder quick() {
    return ApifyFaults.builder().runSeconds(2).millisPerSecond(20);
  }

  private static Consumer<PharmacyTestStack> apify(CommonFaults common) {
    return apify(ApifyFaults.builder().common(common));
  }

  private static Consumer<PharmacyTestStack> places(PlacesFaults faults) {
    return stack -> stack.places.faults(faults);
  }

  private static CommonFaults at(String endpoint) {
    return CommonFaults.none().onlyAt(endpoint);
  }

  static List<Row> faults() {
    return List.of(
        new Row(
            "Apify start 500 burst ×3",
            apify(at(FakeApify.START).withServerErrors(3)),
            COMPLETES,
            1,
            "StartActorRun",
            3,
            APIFY,
            collectedAll()),
        new Row(
            "Apify start 429 without Retry-After ×2",
            apify(ApifyFaults.builder().rateLimited(2)),
            COMPLETES,
            1,
            "StartActorRun",
            2,
            APIFY,
            collectedAll()),
        new Row(
            "Apify run status 502 gateway page ×2",
            apify(at(FakeApify.RUN).withGatewayErrors(2, 502)),
            COMPLETES,
            1,
            "AwaitActorRun",
            2,
            APIFY,
            collectedAll()),
        new Row(
            "Apify dataset page HTML error with 200 ×1",
            apify(at(FakeApify.ITEMS).withHtmlPages(1)),
            COMPLETES,
            1,
            "StageItems",
            1,
            APIFY,
            collectedAll()),
        new Row(
            "Apify dataset page truncated JSON ×1",
            apify(at(FakeApify.ITEMS).withTruncatedJson(1)),
            COMPLETES,
            1,
            "StageItems",
            1,
            APIFY,
            collectedAll()),
        new Row(
            "Apify dataset page reset mid-body ×1",
            apify(at(FakeApify.ITEMS).withResetMidBody(1)),
            COMPLETES,
            1,
            "StageItems",
            1,
            APIFY,
            collectedAll()),
        new Row(
            "Apify empty items hidden in pages",
            apify(ApifyFaults.builder().hiddenItemEvery(5)),
            COMPLETES,
            1,
            null,
            0,
            null,
            collectedAll()),
        new Row(
            "Apify run finds nothing (empty dataset)",
            apify(ApifyFaults.builder().emptyDataset(true)),
            COMPLETES,
            1,
            null,
            0,
            null,
            result -> assertThat(result.collected()).isZero()),
        new Row(
            "Apify actor run FAILED",
            apify(ApifyFaults.builder().outcome("FAILED")),
            COMPLETES,
            1,
            null,
            0,
            null,
            keptPartOfTheSearch()),
        new Row(
            "Apify actor run TIMED-OUT",
            apify(ApifyFaults.builder().outcome("TIMED-OUT")),
            COMPLETES,
            1,
            null,
            0,
            null,
            keptPartOfTheSearch()),
        new Row(
            "Places RESOURCE_EXHAUSTED ×2 with RetryInfo 30s",
            places(PlacesFaults.none().withResourceExhausted(2, "30s")),
            COMPLETES,
            1,
            "VerifyPlace",
            2,
            Backoff.retryAfter(Duration.ofSeconds(30)),
            verifiedSome()),
        new Row(
            "Places RESOURCE_EXHAUSTED ×2 without RetryInfo",
            places(PlacesFaults.none().withResourceExhausted(2, null)),
            COMPLETES,
            1,
            "VerifyPlace",
            2,
            PLACES,
            verifiedSome()),
        new Row(
            "Places 500 burst ×3",
            places(PlacesFaults.none().withCommon(CommonFaults.none().withServerErrors(3))),
            COMPLETES,
            1,
            "VerifyPlace",
            3,
            PLACES,
            verifiedSome()),
        new Row(
            "Places HTML error page with 200 ×1",
            places(PlacesFaults.none().withCommon(CommonFaults.none().withHtmlPages(1))),
            COMPLETES,
            1,
            "VerifyPlace",
            1,
            PLACES,
            verifiedSome()),
        new Row(
            "Places truncated JSON ×1",
            places(PlacesFaults.none().withCommon(CommonFaults.none().withTruncatedJson(1))),
            COMPLETES,
            1,
            "VerifyPlace",
            1,
            PLACES,
            verifiedSome(),
            1),
        new Row(
            "Places reset mid-body ×1",
            places(PlacesFaults.none().withCommon(CommonFaults.none().withResetMidBody(1))),
            COMPLETES,
            1,
            "VerifyPlace",
            1,
            PLACES,
            verifiedSome(),
            1),
        new Row(
            "Places 403 PERMISSION_DENIED",
            places(PlacesFaults.none().withPermissionDenied(true)),
            fails(Failures.PROVIDER_REJECTED, "PERMISSION_DENIED"),
            1,
            null,
            0,
            null,
            null),
        new Row(
            "Places 400 API_KEY_INVALID",
            places(PlacesFaults.none().withApiKeyInvalid(true)),
            fails(Failures.PROVIDER_REJECTED, "GOOGLE_PLACES_API_KEY"),
            1,
            null,
            0,
            null,
            null));
  }

  private static Consumer<PharmacyRunResult> collectedAll() {
    return result -> assertThat(result.collected()).isEqualTo(25);
  }

  /** A run that ended FAILED or TIMED-OUT keeps the places it scraped, fewer than all. */
  private static Consumer<PharmacyRunResult> keptPartOfTheSearch() {
    return result -> assertThat(result.collected()).isPositive().isLessThan(25);
  }

  private static Consumer<PharmacyRunResult> verifiedSome() {
    return result -> assertThat(result.verified()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void endsAsTheTableSaysAndPaysEachCallOnce(Row row) {
    stack = new PharmacyTestStack(db.getTestDatabase(), new MapsUniverse(25), quick().build());
    row.arm().accept(stack);
    stack.startWorker(BUDGETS);

    PharmacyRunResult[] result = new PharmacyRunResult[1];
    WorkflowFailedException failed =
        catchThrowableOfType(
            WorkflowFailedException.class, () -> result[0] = stack.newRun(RUN).run(RUN));

    long runId = stack.count("SELECT max(id) FROM pharmacy_runs");
    String status = stack.text("SELECT status FROM pharmacy_runs WHERE id = " + runId);
    if (row.expected().completes()) {
      assertThat(failed).as("the run fails with %s", FaultOutcome.describe(failed)).isNull();
      assertThat(status).isEqualTo("completed");
      if (row.check() != null) {
        row.check().accept(result[0]);
      }
    } else {
      assertThat(failed).as("the run fails").isNotNull();
      ApplicationFailure failure = FaultOutcome.applicationFailure(failed);
      assertThat(failure.getType()).isEqualTo(row.expected().failureType());
      assertThat(failure.getOriginalMessage()).contains(row.expected().says());
      assertThat(status).isEqualTo("failed");
      assertThat(stack.text("SELECT error FROM pharmacy_runs WHERE id = " + runId))
          .contains(row.expected().says());
      // Lookups already in flight when the run failed give their reservations back as they end.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          stack.count("SELECT count(*) FROM cost_ledger WHERE state = 'reserved'"))
                      .as("money still held")
                      .isZero());
      // Completed stages stay (a resumed run continues from verification); staging does not.
      assertThat(stack.count("SELECT count(*) FROM pharmacy_staging")).as("staged items").isZero();
    }
    assertThat(stack.apify.runsStarted()).as("paid actor runs").isEqualTo(row.actorRuns());
    List<Retried> lookups =
        ActivityRetries.ofType(
            stack.client(), RUN.workflowId() + "/verify-" + runId + "-0", "VerifyPlace");
    long settled =
        stack.count(
            "SELECT count(*) FROM cost_ledger WHERE state = 'settled' AND scope LIKE 'places%'");
    assertThat(settled).as("Places lookups in the ledger").isLessThanOrEqualTo(lookups.size());
    assertThat(stack.places.billed(SkuTier.PRO))
        .as("Places lookups billed: the ledger's, and the answers lost on the way")
        .isEqualTo(settled + row.lostAnswers());
    if (row.retried() != null) {
      List<Retried> retried =
          row.retried().equals("VerifyPlace")
              ? lookups
              : ActivityRetries.ofType(stack.client(), RUN.workflowId(), row.retried());
      assertThat(retried.stream().mapToInt(r -> r.attempts() - 1).sum())
          .as("failed calls of " + row.retried())
          .isEqualTo(row.retries());
      assertThat(retried)
          .allSatisfy(
              r ->
                  assertThat(r.waited())
                      .as("waits of %s before attempt %d", r.type(), r.attempts())
                      .isGreaterThanOrEqualTo(row.backoff().before(r.attempts() - 1)));
    }
  }
}
