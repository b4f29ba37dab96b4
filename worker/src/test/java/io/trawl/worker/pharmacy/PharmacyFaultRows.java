package io.trawl.worker.pharmacy;

import static io.trawl.worker.faults.FaultOutcome.COMPLETES;
import static io.trawl.worker.faults.FaultOutcome.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.llm.LlmFaults;
import io.trawl.sandbox.places.PlacesFaults;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.faults.ActivityRetries.Backoff;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of {@link PharmacyProviderFaultTest}: one per Apify, Places and LLM fault knob the
 * sandboxes can inject, with what the run must end with.
 */
final class PharmacyFaultRows {
  private static final Backoff APIFY = Backoff.exponential(Duration.ofMillis(500));
  private static final Backoff PLACES = Backoff.exponential(Duration.ofSeconds(1));
  private static final Backoff LLM_BACKOFF = Backoff.exponential(Duration.ofSeconds(2));
  static final PharmacyConfig.Llm LLM =
      new PharmacyConfig.Llm("sonar", null, new BigDecimal("0.01"), 0.9, Duration.ofDays(7));

  private PharmacyFaultRows() {}

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
   * @param withLlm the LLM fallback of classification is on (the fault is the LLM's)
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
      boolean withLlm) {
    Row(
        String knob,
        Consumer<PharmacyTestStack> arm,
        FaultOutcome expected,
        long actorRuns,
        String retried,
        int retries,
        Backoff backoff,
        Consumer<PharmacyRunResult> check) {
      this(knob, arm, expected, actorRuns, retried, retries, backoff, check, false);
    }

    @Override
    public String toString() {
      return knob + " → " + expected + ", paid actor runs " + actorRuns;
    }
  }

  private static Consumer<PharmacyTestStack> apify(ApifyFaults.Builder faults) {
    return stack -> stack.apify.faults(faults.runSeconds(2).millisPerSecond(20).build());
  }

  /** Actor runs that take 40 ms instead of 10 s. */
  static ApifyFaults.Builder quick() {
    return ApifyFaults.builder().runSeconds(2).millisPerSecond(20);
  }

  private static Consumer<PharmacyTestStack> apify(CommonFaults common) {
    return apify(ApifyFaults.builder().common(common));
  }

  private static Consumer<PharmacyTestStack> places(PlacesFaults faults) {
    return stack -> stack.places.faults(faults);
  }

  /** A row whose fault is the LLM's, on a worker with the LLM fallback on. */
  private static Row llm(
      String knob,
      LlmFaults faults,
      int retries,
      Backoff backoff,
      Consumer<PharmacyRunResult> check) {
    return new Row(
        knob,
        stack -> stack.llm.faults(faults),
        COMPLETES,
        1,
        "Reclassify",
        retries,
        backoff,
        check,
        true);
  }

  private static CommonFaults at(String endpoint) {
    return CommonFaults.none().onlyAt(endpoint);
  }

  static List<Row> all() {
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
            verifiedSome()),
        new Row(
            "Places reset mid-body ×1",
            places(PlacesFaults.none().withCommon(CommonFaults.none().withResetMidBody(1))),
            COMPLETES,
            1,
            "VerifyPlace",
            1,
            PLACES,
            verifiedSome()),
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
            null),
        llm(
            "LLM 429 with Retry-After 6 s ×1",
            LlmFaults.none().withRateLimited(1, 6),
            1,
            Backoff.retryAfter(Duration.ofSeconds(6)),
            keptEveryPlace()),
        llm(
            "LLM 500 ×2",
            LlmFaults.none().withCommon(CommonFaults.none().withServerErrors(2)),
            2,
            LLM_BACKOFF,
            keptEveryPlace()),
        llm(
            "LLM truncated JSON ×1",
            LlmFaults.none().withCommon(CommonFaults.none().withTruncatedJson(1)),
            1,
            LLM_BACKOFF,
            keptEveryPlace()),
        llm(
            "LLM reply in prose instead of JSON ×1 (the rule's answer stays)",
            LlmFaults.none().withNotJson(1),
            0,
            null,
            keptEveryPlace()),
        llm(
            "LLM reply without confidence ×1 (the rule's answer stays)",
            LlmFaults.none().withMissingKey(1),
            0,
            null,
            keptEveryPlace()),
        llm(
            "LLM reply in a Markdown code fence",
            LlmFaults.none().withFencedJson(true),
            0,
            null,
            keptEveryPlace()),
        llm(
            "LLM 401 invalid key (every rule's answer stays)",
            LlmFaults.none().withUnauthorized(true),
            0,
            null,
            result -> assertThat(result.unique()).isEqualTo(25)));
  }

  private static Consumer<PharmacyRunResult> collectedAll() {
    return result -> assertThat(result.collected()).isEqualTo(25);
  }

  /** A run that ended FAILED or TIMED-OUT keeps the places it scraped, fewer than all. */
  private static Consumer<PharmacyRunResult> keptPartOfTheSearch() {
    return result -> assertThat(result.collected()).isPositive().isLessThan(25);
  }

  /** Every place collected is classified, by the LLM or by the rule when the LLM gave nothing. */
  private static Consumer<PharmacyRunResult> keptEveryPlace() {
    return result -> assertThat(result.unique()).isEqualTo(25);
  }

  private static Consumer<PharmacyRunResult> verifiedSome() {
    return result -> assertThat(result.verified()).isPositive();
  }
}
