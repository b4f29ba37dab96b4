package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Dedup, classification and the verification bookkeeping: database work on the run's places. */
@ActivityInterface
public interface PharmacyStageActivities {
  /**
   * Merges the run's staged items into one place per key (placeId, else name + address + phone),
   * upserts them into {@code pharmacies} with every search that found them, records the stage and
   * removes the staging rows, in one transaction: a retry after commit returns the stored counts.
   */
  DedupResult dedupe(PharmacyRunRef run);

  /**
   * Classifies every place of the run by the rules, in one transaction. Records the stage unless
   * the LLM fallback is on and some places wait for it ({@code llmPending > 0}); a retry classifies
   * again and gets the same answer.
   */
  ClassificationResult classify(PharmacyRunRef run);

  /**
   * Up to {@code limit} keys after {@code afterKey} of the run's places the LLM fallback should ask
   * about: labelled by the rules below the configured confidence and not compounding. Empty when
   * the fallback is off.
   */
  List<String> placesForLlm(PharmacyRunRef run, String afterKey, int limit);

  /** Counts the run's labels after the LLM fallback and records the stage; idempotent. */
  ClassificationResult recordClassification(PharmacyRunRef run, int llmCalls);

  /**
   * Up to {@code limit} keys after {@code afterKey} of the run's places that need verification:
   * never verified (or, with {@code all}, not verified since the run started).
   */
  List<String> placesToVerify(PharmacyRunRef run, boolean all, String afterKey, int limit);

  /**
   * Counts the run's verification outcome; records the stage unless the budget stopped it, so the
   * next run of the search verifies only what is left.
   */
  VerificationResult recordVerification(PharmacyRunRef run, boolean budgetExhausted);
}
