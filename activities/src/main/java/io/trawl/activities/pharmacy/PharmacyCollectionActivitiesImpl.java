package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.activities.pharmacy.store.PharmacySearchRepository;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.apify.ApifyItemsPage;
import io.trawl.activities.providers.apify.ApifyRun;
import io.trawl.activities.providers.apify.ApifyRunInput;
import io.trawl.activities.spend.CallBudget;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.ActorRunRef;
import io.trawl.workflows.pharmacy.ActorRunStatus;
import io.trawl.workflows.pharmacy.PharmacyCollectionActivities;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PharmacySearch;
import io.trawl.workflows.pharmacy.SearchCollected;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage 1's Apify calls: start (paid, once per search), long-poll, page into staging, abort. */
public final class PharmacyCollectionActivitiesImpl implements PharmacyCollectionActivities {
  private static final Logger log = LoggerFactory.getLogger(PharmacyCollectionActivitiesImpl.class);
  private static final int PAGE = 500;

  private final DataSource dataSource;
  private final ApifyClient apify;
  private final String actor;
  private final String language;
  private final CallBudget budget;
  private final PharmacyCosts costs;
  private final QueryCache cache;
  private final PharmacyRunRepository runs;
  private final PharmacySearchRepository searches;
  private final SearchStaging stager;

  public PharmacyCollectionActivitiesImpl(
      DataSource dataSource,
      ApifyClient apify,
      String actor,
      String language,
      CallBudget budget,
      PharmacyCosts costs,
      QueryCache cache) {
    this.dataSource = dataSource;
    this.apify = apify;
    this.actor = actor;
    this.language = language;
    this.budget = budget;
    this.costs = costs;
    this.cache = cache;
    this.runs = new PharmacyRunRepository(dataSource);
    this.searches = new PharmacySearchRepository(dataSource);
    this.stager = new SearchStaging(dataSource);
  }

  @Override
  public ActorRunRef startActorRun(PharmacyRunRef run, PharmacySearch search, int maxPlaces) {
    searches.ensure(run.runId(), search);
    Optional<PharmacySearchRepository.ActorRun> recorded = searches.actorRun(run.runId(), search);
    if (recorded.isPresent()) {
      log.info(
          "actor run reused run={} search=\"{}\" apify_run={}",
          run.runId(),
          search.describe(),
          recorded.get().apifyRunId());
      return new ActorRunRef(recorded.get().apifyRunId(), recorded.get().datasetId(), true);
    }
    String callKey = callKey(run, search);
    BigDecimal reservation = costs.actorRunReservation(maxPlaces);
    budget.reserve(callKey, reservation, runs.cap(run));
    ApifyRun started;
    try {
      started =
          apify.startRun(
              actor,
              new ApifyRunInput(List.of(search.query()), search.location(), maxPlaces, language),
              reservation.doubleValue());
    } catch (ApplicationFailure refused) {
      if (refused.isNonRetryable()) {
        // Apify refused the start (bad token, unknown actor): nothing was paid.
        budget.release(callKey);
      }
      throw refused;
    }
    if (!searches.recordActorRun(run.runId(), search, started.id(), started.defaultDatasetId())) {
      // Another attempt recorded its run first; that one is the search's, this one is aborted.
      apify.abortRun(started.id());
      PharmacySearchRepository.ActorRun first =
          searches.actorRun(run.runId(), search).orElseThrow();
      return new ActorRunRef(first.apifyRunId(), first.datasetId(), true);
    }
    log.info(
        "actor run started run={} search=\"{}\" apify_run={} reserved={}",
        run.runId(),
        search.describe(),
        started.id(),
        reservation);
    return new ActorRunRef(started.id(), started.defaultDatasetId(), false);
  }

  @Override
  public ActorRunStatus awaitActorRun(
      PharmacyRunRef run, PharmacySearch search, ActorRunRef actor) {
    ApifyRun current = apify.getRun(actor.apifyRunId(), ApifyClient.MAX_WAIT_SECS);
    return new ActorRunStatus(current.status(), current.statusMessage());
  }

  @Override
  public SearchCollected stageItems(
      PharmacyRunRef run, PharmacySearch search, ActorRunRef actor, ActorRunStatus status) {
    ApifyRun finished = apify.getRun(actor.apifyRunId(), 0);
    String datasetId = actor.datasetId() != null ? actor.datasetId() : finished.defaultDatasetId();
    if (datasetId == null) {
      throw Failures.collectionFailed("Apify run " + actor.apifyRunId() + " has no dataset");
    }
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    long offset = 0;
    while (true) {
      ApifyItemsPage page = apify.itemsPage(datasetId, offset, PAGE);
      for (JsonNode item : page.items()) {
        items.add(item);
      }
      Activity.getExecutionContext().heartbeat(items.size());
      if (!page.hasMore()) {
        break;
      }
      offset = page.nextOffset();
    }
    // Apify's first reads after a finish may still show a preliminary, lower usage (PROVIDERS.md
    // §2): never book less than the places delivered cost at the actor's prices.
    BigDecimal delivered = costs.actorRunCost(items.size());
    BigDecimal cost =
        finished.usageTotalUsd() != null
            ? BigDecimal.valueOf(finished.usageTotalUsd()).max(delivered)
            : delivered;
    int staged = stager.stage(run.runId(), search, items, false, status.status(), cost);
    budget.settle(callKey(run, search), staged, cost);
    if (status.succeeded()) {
      cache.store(search, items);
    }
    boolean partial = !status.succeeded();
    if (partial) {
      log.warn(
          "actor run ended early run={} search=\"{}\" apify_run={} status={} items_kept={}",
          run.runId(),
          search.describe(),
          actor.apifyRunId(),
          status.status(),
          staged);
    }
    return new SearchCollected(search, staged, false, status.status(), partial);
  }

  @Override
  public int abortActorRuns(PharmacyRunRef run) {
    int aborted = 0;
    for (String id : searches.unfinishedActorRuns(run.runId())) {
      try {
        ApifyRun state = apify.abortRun(id);
        aborted++;
        log.info(
            "actor run aborted run={} apify_run={} status={}", run.runId(), id, state.status());
      } catch (ApplicationFailure e) {
        // A run that already finished cannot be aborted; that is fine.
        log.info(
            "actor run not aborted run={} apify_run={}: {}",
            run.runId(),
            id,
            e.getOriginalMessage());
      }
    }
    return aborted;
  }

  static String callKey(PharmacyRunRef run, PharmacySearch search) {
    return run.spendKey() + "/apify/" + search.query() + "|" + search.location();
  }
}
