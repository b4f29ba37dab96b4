package io.trawl.workflows.pharmacy;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** One batch of Places lookups, a bounded number in flight, stopping once the budget refuses. */
public class VerificationBatchWorkflowImpl implements VerificationBatchWorkflow {
  private final PlaceVerificationActivities places =
      Workflow.newActivityStub(
          PlaceVerificationActivities.class, PharmacyActivityOptions.PLACES_CALL);

  @Override
  public VerificationResult verify(PharmacyRunRef run, List<String> placeKeys) {
    int checked = 0;
    int verified = 0;
    int closed = 0;
    boolean exhausted = false;
    int next = 0;
    while (next < placeKeys.size() && !exhausted) {
      int end = Math.min(placeKeys.size(), next + PharmacyActivityOptions.PARALLEL_VERIFICATIONS);
      List<Promise<PlaceVerification>> wave = new ArrayList<>();
      for (String key : placeKeys.subList(next, end)) {
        wave.add(Async.function(places::verifyPlace, run, key));
      }
      for (Promise<PlaceVerification> pending : wave) {
        PlaceVerification result = pending.get();
        if (result.budgetExhausted()) {
          exhausted = true;
          continue;
        }
        checked++;
        verified += result.verified() ? 1 : 0;
        closed += "CLOSED_PERMANENTLY".equals(result.businessStatus()) ? 1 : 0;
      }
      next = end;
    }
    return new VerificationResult(checked, verified, placeKeys.size() - checked, closed, exhausted);
  }
}
