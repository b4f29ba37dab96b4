package io.trawl.activities.market;

import io.trawl.activities.market.store.UnlockerRequestRepository;
import io.trawl.activities.market.store.UnlockerRequestRepository.Submitted;
import java.util.Optional;

/**
 * The Unlocker request of one paid call: its ledger entry is noted sent as the request leaves, and
 * its response id is kept in {@code unlocker_requests} once submitted (by an activity; a direct
 * call has no retry to read it).
 *
 * @param callPrefix the key every attempt of the call shares
 * @param ledgerKey the ledger entry holding the request's reservation
 * @param kept whether the id is written down for a retry
 * @param responseId the id an earlier attempt submitted, if any
 */
record StoredUnlockerRequest(
    UnlockerRequestRepository requests,
    UnlockerBudget budget,
    String callPrefix,
    String ledgerKey,
    boolean kept,
    Optional<String> responseId)
    implements PendingRequest {

  @Override
  public void sending() {
    budget.markSent(ledgerKey);
  }

  @Override
  public void submitted(String id) {
    if (kept) {
      requests.save(callPrefix, new Submitted(ledgerKey, id));
    }
  }
}
