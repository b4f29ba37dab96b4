package io.trawl.workflows.pharmacy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.notify.NotificationKind;
import io.trawl.workflows.notify.Notifications;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** The original pharmacy orchestrator's four stages, as a durable, resumable workflow. */
public class PharmacyRunWorkflowImpl implements PharmacyRunWorkflow {
  private static final Logger log = Workflow.getLogger(PharmacyRunWorkflowImpl.class);

  private final PharmacyRunActivities runs =
      Workflow.newActivityStub(PharmacyRunActivities.class, PharmacyActivityOptions.BOOKKEEPING);
  private final PharmacyStageActivities stages =
      Workflow.newActivityStub(PharmacyStageActivities.class, PharmacyActivityOptions.STAGE);
  private final PharmacyCollectionActivities apify =
      Workflow.newActivityStub(
          PharmacyCollectionActivities.class, PharmacyActivityOptions.APIFY_CALL);
  private final PharmacyCollectionActivities apifyWait =
      Workflow.newActivityStub(
          PharmacyCollectionActivities.class, PharmacyActivityOptions.APIFY_WAIT);
  private final PharmacyCollectionActivities apifyPages =
      Workflow.newActivityStub(
          PharmacyCollectionActivities.class, PharmacyActivityOptions.APIFY_PAGES);
  private final PlaceLlmActivities llm =
      Workflow.newActivityStub(PlaceLlmActivities.class, PharmacyActivityOptions.LLM_CALL);

  private long startedAtMillis;
  private String stage = "starting";
  private int searchesDone;
  private int searchesTotal;
  private int placesVerified;
  private int placesToVerify;

  @Override
  public PharmacyRunResult run(PharmacyRunRequest request) {
    startedAtMillis = Workflow.currentTimeMillis();
    searchesTotal = request.searches().size();
    RunAttributes.upsertAtStart(request.searchAttributes(), request.summary());
    stage = "opening run";
    PharmacyRunRef run = runs.openRun(request); // 0. the row exists before money is spent
    try {
      if (!run.completed(PharmacyStage.COLLECTION)) {
        collect(run, request); // 1. query cache, else one Apify actor run per search
      }
      if (!run.completed(PharmacyStage.DEDUP)) {
        stage = "dedup";
        DedupResult dedup = stages.dedupe(run); // 2. one place per placeId / name+address+phone
        log.info(
            "stage=dedup run={} collected={} unique={}",
            run.runId(),
            dedup.collected(),
            dedup.unique());
      }
      if (!run.completed(PharmacyStage.CLASSIFICATION)) {
        classify(run); // 3. rules, then the LLM for places they are unsure of (when configured)
      }
      boolean partial = false;
      if (request.verify() && !run.completed(PharmacyStage.VERIFICATION)) {
        partial = verify(run, request).budgetExhausted(); // 4. Places lookups, budgeted
      }
      stage = "finishing";
      PharmacyRunResult result = runs.finishRun(run, partial);
      stage = result.status();
      RunAttributes.upsertStatus(result.status());
      Workflow.setCurrentDetails(
          result.unique() + " found / " + result.independent() + " independent");
      return result;
    } catch (ActivityFailure | ChildWorkflowFailure | CanceledFailure | ApplicationFailure e) {
      endRun(run, e);
      throw e;
    }
  }

  @Override
  public PharmacyProgress progress() {
    long elapsed =
        startedAtMillis == 0 ? 0 : (Workflow.currentTimeMillis() - startedAtMillis) / 1000;
    return new PharmacyProgress(
        stage, searchesDone, searchesTotal, placesVerified, placesToVerify, elapsed);
  }

  /** Stage 1: every search, a bounded number at once; a failed search fails the stage. */
  private void collect(PharmacyRunRef run, PharmacyRunRequest request) {
    stage = "collection";
    List<Promise<SearchCollected>> all = new ArrayList<>();
    List<Promise<SearchCollected>> inFlight = new ArrayList<>();
    for (PharmacySearch search : request.searches()) {
      if (inFlight.size() >= PharmacyActivityOptions.PARALLEL_SEARCHES) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      Promise<SearchCollected> collected =
          Async.function(() -> collectSearch(run, search, request));
      all.add(collected);
      inFlight.add(collected);
    }
    for (Promise<SearchCollected> collected : all) {
      collected.get();
    }
    runs.recordCollection(run);
  }

  private SearchCollected collectSearch(
      PharmacyRunRef run, PharmacySearch search, PharmacyRunRequest request) {
    CacheLookup cached = runs.lookupCache(run, search, request.noCache());
    if (cached.hit()) {
      searchesDone++;
      log.info(
          "stage=collection run={} search={} cache=hit items={}",
          run.runId(),
          search.describe(),
          cached.items());
      return new SearchCollected(search, cached.items(), true, null, false);
    }
    ActorRunRef actor = apify.startActorRun(run, search, request.maxPlacesPerSearch());
    long deadlineAt =
        Workflow.currentTimeMillis() + PharmacyActivityOptions.ACTOR_DEADLINE.toMillis();
    ActorRunStatus status = apifyWait.awaitActorRun(run, search, actor);
    while (!status.terminal()) {
      if (Workflow.currentTimeMillis() > deadlineAt) {
        apify.abortActorRuns(run);
        throw Failures.deadlineExceeded(
            "Apify run "
                + actor.apifyRunId()
                + " for "
                + search.describe()
                + " still "
                + status.status()
                + " after "
                + PharmacyActivityOptions.ACTOR_DEADLINE);
      }
      status = apifyWait.awaitActorRun(run, search, actor);
    }
    SearchCollected collected = apifyPages.stageItems(run, search, actor, status);
    searchesDone++;
    log.info(
        "stage=collection run={} search={} actor={} status={} items={}",
        run.runId(),
        search.describe(),
        actor.apifyRunId(),
        status.status(),
        collected.items());
    return collected;
  }

  /** Stage 3: the rules label every place; the LLM fallback may raise the unsure ones. */
  private void classify(PharmacyRunRef run) {
    stage = "classification";
    ClassificationResult rules = stages.classify(run);
    if (rules.llmPending() == 0) {
      return; // recorded by classify
    }
    stage = "classification (llm)";
    int calls = askLlm(run);
    ClassificationResult result = stages.recordClassification(run, calls);
    log.info(
        "stage=classification run={} llm_pending={} llm_calls={} result={}",
        run.runId(),
        rules.llmPending(),
        calls,
        result);
  }

  /**
   * Asks the LLM about each unsure place, a few at a time, until none is left, the budget refuses
   * or the per-run bound is reached. A failed call keeps the rule's answer: the run goes on.
   */
  private int askLlm(PharmacyRunRef run) {
    String after = "";
    int calls = 0;
    int asked = 0;
    boolean exhausted = false;
    while (!exhausted && asked < PharmacyActivityOptions.MAX_LLM_CALLS) {
      List<String> keys =
          stages.placesForLlm(run, after, PharmacyActivityOptions.PARALLEL_LLM_CALLS);
      if (keys.isEmpty()) {
        break;
      }
      List<Promise<LlmReclassification>> wave = new ArrayList<>();
      for (String key : keys) {
        wave.add(Async.function(llm::reclassify, run, key));
      }
      for (int i = 0; i < wave.size(); i++) {
        asked++;
        try {
          LlmReclassification answer = wave.get(i).get();
          exhausted |= answer.budgetExhausted();
          calls += answer.called() ? 1 : 0;
        } catch (ActivityFailure e) {
          calls++;
          log.warn(
              "stage=classification run={} place={} llm_failed={} (the rule's answer stays)",
              run.runId(),
              keys.get(i),
              Failures.describe(e));
        }
      }
      after = keys.get(keys.size() - 1);
    }
    return calls;
  }

  /** Stage 4: the run's places in child batches until none is left or the budget says stop. */
  private VerificationResult verify(PharmacyRunRef run, PharmacyRunRequest request) {
    stage = "verification";
    String after = "";
    int batch = 0;
    boolean exhausted = false;
    while (!exhausted) {
      List<String> keys =
          stages.placesToVerify(
              run, request.verifyAll(), after, PharmacyActivityOptions.VERIFICATION_BATCH);
      if (keys.isEmpty()) {
        break;
      }
      placesToVerify += keys.size();
      VerificationBatchWorkflow child =
          Workflow.newChildWorkflowStub(
              VerificationBatchWorkflow.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(
                      Workflow.getInfo().getWorkflowId() + "/verify-" + run.runId() + "-" + batch++)
                  .build());
      VerificationResult done = child.verify(run, keys);
      placesVerified += done.checked();
      exhausted = done.budgetExhausted();
      after = keys.get(keys.size() - 1);
    }
    VerificationResult result = stages.recordVerification(run, exhausted);
    log.info(
        "stage=verification run={} verified={} unverified={} closed={} budget_exhausted={}",
        run.runId(),
        result.verified(),
        result.unverified(),
        result.closed(),
        exhausted);
    return result;
  }

  /** The failure path: abort paid actor runs on cancellation, mark the row, send run_failed. */
  private void endRun(PharmacyRunRef run, Exception cause) {
    String status = Failures.isCancellation(cause) ? "cancelled" : "failed";
    String error = Failures.describe(cause);
    stage = status;
    log.warn("stage={} run={} error={}", status, run.runId(), error);
    Workflow.newDetachedCancellationScope(
            () -> {
              if (status.equals("cancelled")) {
                apify.abortActorRuns(run);
              }
              runs.endRun(run, status, error);
              RunAttributes.upsertStatus(status);
              if (status.equals("failed")) {
                Notifications.emit(
                    Notifications.event(
                        NotificationKind.RUN_FAILED,
                        "pharmacy",
                        "pharmacy run " + run.runId(),
                        error,
                        Notifications.details("run_id", Long.toString(run.runId()))));
              }
            })
        .run();
  }
}
