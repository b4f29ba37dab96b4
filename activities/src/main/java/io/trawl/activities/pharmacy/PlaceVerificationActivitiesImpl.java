package io.trawl.activities.pharmacy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.pharmacy.store.PharmacyRepository;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.providers.places.TextSearchPlace;
import io.trawl.activities.spend.CallBudget;
import io.trawl.activities.spend.PaidCallAttempt;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PlaceVerification;
import io.trawl.workflows.pharmacy.PlaceVerificationActivities;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage 4: one Places text search per place, budgeted, scored as the original did. */
public final class PlaceVerificationActivitiesImpl implements PlaceVerificationActivities {
  private static final Logger log = LoggerFactory.getLogger(PlaceVerificationActivitiesImpl.class);

  private final PlacesClient places;
  private final CallBudget budget;
  private final BigDecimal requestUsd;
  private final VerificationScorer scorer;
  private final PharmacyRepository pharmacies;
  private final PharmacyRunRepository runs;

  public PlaceVerificationActivitiesImpl(
      DataSource dataSource,
      PlacesClient places,
      CallBudget budget,
      BigDecimal requestUsd,
      VerificationScorer scorer) {
    this.places = places;
    this.budget = budget;
    this.requestUsd = requestUsd;
    this.scorer = scorer;
    this.pharmacies = new PharmacyRepository(dataSource);
    this.runs = new PharmacyRunRepository(dataSource);
  }

  @Override
  public PlaceVerification verifyPlace(PharmacyRunRef run, String placeKey) {
    PharmacyRepository.PlaceToVerify place =
        pharmacies
            .forVerification(placeKey)
            .orElseThrow(() -> Failures.notFound("place " + placeKey + " is not in pharmacies"));
    // One ledger entry per attempt: the place's lookup in this run is the prefix.
    String callPrefix = run.spendKey() + "/places/" + placeKey + "#";
    if (place.verifiedAt() != null
        && (budget.anyAttemptSettled(callPrefix)
            || budget.settleAnswered(callPrefix, place.verifiedAt(), requestUsd))) {
      // This run already paid for this place's lookup, and its answer is stored (an attempt that
      // died between storing and settling is settled now): a retry answers from the table.
      return new PlaceVerification(
          placeKey, place.verified(), place.confidence(), place.businessStatus(), false);
    }
    String callKey = budget.attemptKey(callPrefix, PaidCallAttempt.currentAttemptNumber());
    try {
      budget.reserve(callKey, requestUsd, runs.cap(run));
    } catch (ApplicationFailure refused) {
      if (Failures.BUDGET_EXHAUSTED.equals(refused.getType())) {
        log.info(
            "verification stopped by budget run={} place={}: {}",
            run.runId(),
            placeKey,
            refused.getOriginalMessage());
        return new PlaceVerification(placeKey, false, 0, place.businessStatus(), true);
      }
      throw refused;
    }
    List<TextSearchPlace> results;
    try {
      results =
          places.searchText(
              place.query(), PlacesClient.VERIFY_FIELD_MASK, () -> budget.markSent(callKey));
    } catch (ApplicationFailure e) {
      if (Failures.PAID_ANSWER_LOST.equals(e.getType())) {
        // Billed, answer lost: this attempt's lookup is spent; the retry reserves and pays again.
        budget.settle(callKey, 1, requestUsd);
      } else {
        // Not answered, not billed: the retry reserves again.
        budget.release(callKey);
      }
      throw e;
    } catch (RuntimeException e) {
      budget.release(callKey);
      throw e;
    }
    // The answer is stored before the lookup is settled: a retry after either answers from the
    // table and settles what is left, so no kill between them makes the lookup be paid again.
    if (results.isEmpty()) {
      pharmacies.setVerification(placeKey, false, 0, null, null);
      budget.settle(callKey, 1, requestUsd);
      return new PlaceVerification(placeKey, false, 0, place.businessStatus(), false);
    }
    TextSearchPlace first = results.get(0);
    VerificationScorer.Score score =
        scorer.score(
            place.name(),
            place.latitude(),
            place.longitude(),
            first.displayName(),
            first.latitude(),
            first.longitude());
    pharmacies.setVerification(
        placeKey, score.verified(), score.confidence(), first.id(), first.businessStatus());
    budget.settle(callKey, 1, requestUsd);
    String status =
        first.businessStatus() != null ? first.businessStatus() : place.businessStatus();
    return new PlaceVerification(placeKey, score.verified(), score.confidence(), status, false);
  }
}
