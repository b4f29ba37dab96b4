package io.trawl.workflows.pharmacy;

/**
 * Stage 3's counts over the run's places.
 *
 * @param llmCalls paid LLM calls the fallback made
 * @param llmPending places the rules were unsure of that wait for the LLM fallback; while above
 *     zero the stage is not recorded yet (see {@link PharmacyStageActivities#recordClassification})
 */
public record ClassificationResult(
    int chain,
    int independent,
    int hospital,
    int notPharmacy,
    int compounding,
    int veterinary,
    int llmCalls,
    int llmPending) {
  /** Counts with nothing waiting for the LLM. */
  public ClassificationResult(
      int chain,
      int independent,
      int hospital,
      int notPharmacy,
      int compounding,
      int veterinary,
      int llmCalls) {
    this(chain, independent, hospital, notPharmacy, compounding, veterinary, llmCalls, 0);
  }
}
