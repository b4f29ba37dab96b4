package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.activities.pharmacy.store.PharmacySearchRepository;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.pharmacy.CacheLookup;
import io.trawl.workflows.pharmacy.PharmacyRunActivities;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacySearch;
import io.trawl.workflows.pharmacy.PharmacyStage;
import java.math.BigDecimal;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The run row and the query cache of a pharmacy run. */
public final class PharmacyRunActivitiesImpl implements PharmacyRunActivities {
  private static final Logger log = LoggerFactory.getLogger(PharmacyRunActivitiesImpl.class);

  private final DataSource dataSource;
  private final PharmacyRunRepository runs;
  private final PharmacySearchRepository searches;
  private final SearchStaging stager;
  private final QueryCache cache;
  private final String provider;

  /**
   * @param provider "apify" or "sandbox": what this worker's collection calls, recorded on the run
   */
  public PharmacyRunActivitiesImpl(DataSource dataSource, QueryCache cache, String provider) {
    this.dataSource = dataSource;
    this.runs = new PharmacyRunRepository(dataSource);
    this.searches = new PharmacySearchRepository(dataSource);
    this.stager = new SearchStaging(dataSource);
    this.cache = cache;
    this.provider = provider;
  }

  @Override
  public PharmacyRunRef openRun(PharmacyRunRequest request) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    PharmacyRunRef run = runs.open(info.getWorkflowId(), info.getRunId(), request, provider);
    log.info(
        "pharmacy run opened run={} search=\"{}\" provider={} resumed={} completed_stages={}",
        run.runId(),
        request.searchKey(),
        provider,
        run.resumed(),
        run.completedStages());
    return run;
  }

  @Override
  public CacheLookup lookupCache(PharmacyRunRef run, PharmacySearch search, boolean bypass) {
    if (bypass) {
      return new CacheLookup(false, 0, "bypassed (--no-cache)");
    }
    QueryCache.Lookup lookup = cache.lookup(search);
    if (!lookup.hit()) {
      log.info(
          "cache miss run={} search=\"{}\" reason=\"{}\"",
          run.runId(),
          search.describe(),
          lookup.missReason());
      return new CacheLookup(false, 0, lookup.missReason());
    }
    JsonNode items = lookup.items();
    int staged = stager.stage(run.runId(), search, items, true, null, BigDecimal.ZERO);
    log.info("cache hit run={} search=\"{}\" items={}", run.runId(), search.describe(), staged);
    return new CacheLookup(true, staged, null);
  }

  @Override
  public int recordCollection(PharmacyRunRef run) {
    return Transactions.inTransaction(
        dataSource,
        "record collection of run " + run.runId(),
        tx -> {
          int[] totals = searches.totals(tx, run.runId());
          runs.setCollected(tx, run.runId(), totals[0], totals[1]);
          runs.recordStage(
              tx,
              run.runId(),
              PharmacyStage.COLLECTION.key(),
              "{\"collected\":" + totals[0] + ",\"cache_hits\":" + totals[1] + "}");
          return totals[0];
        });
  }

  @Override
  public PharmacyRunResult finishRun(PharmacyRunRef run, boolean partial) {
    PharmacyRunResult result = runs.finish(run, partial);
    log.info(
        "pharmacy run finished run={} status={} cost={}",
        run.runId(),
        result.status(),
        result.costUsd());
    return result;
  }

  @Override
  public void endRun(PharmacyRunRef run, String status, String error) {
    runs.end(run, status, error);
    log.info("pharmacy run ended run={} status={} error=\"{}\"", run.runId(), status, error);
  }
}
