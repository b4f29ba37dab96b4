package io.trawl.workflows.pharmacy;

/**
 * One place's verification.
 *
 * @param budgetExhausted the Places budget (or the run's cap) refused the call: nothing was sent,
 *     the place stays unverified for the next run
 */
public record PlaceVerification(
    String placeKey,
    boolean verified,
    double confidence,
    String businessStatus,
    boolean budgetExhausted) {}
