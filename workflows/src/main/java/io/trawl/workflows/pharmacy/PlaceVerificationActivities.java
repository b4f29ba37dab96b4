package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityInterface;

/** Google Places lookups, one per activity on the rate-limited {@code trawl-provider-places}. */
@ActivityInterface
public interface PlaceVerificationActivities {
  /**
   * Reserves one request against the Places budget and the run's cap, searches the place's address,
   * scores the first result and stores the verdict on the place. A refused reservation sends
   * nothing and answers {@code budgetExhausted}; no result is "not verified" at 0. A place verified
   * since the run started is answered from the table (a retry pays once).
   */
  PlaceVerification verifyPlace(PharmacyRunRef run, String placeKey);
}
