package io.trawl.workflows.pharmacy;

/**
 * Stage 4's counts.
 *
 * @param unverified places that still need verification (the budget ran out before them)
 * @param budgetExhausted true when the run ends {@code partial} because of it
 */
public record VerificationResult(
    int checked, int verified, int unverified, int closed, boolean budgetExhausted) {}
