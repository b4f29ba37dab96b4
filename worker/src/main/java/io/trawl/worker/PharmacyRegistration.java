package io.trawl.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.pharmacy.PharmacyCollectionActivitiesImpl;
import io.trawl.activities.pharmacy.PharmacyCosts;
import io.trawl.activities.pharmacy.PharmacyRunActivitiesImpl;
import io.trawl.activities.pharmacy.PharmacyStageActivitiesImpl;
import io.trawl.activities.pharmacy.PlaceVerificationActivitiesImpl;
import io.trawl.activities.pharmacy.QueryCache;
import io.trawl.activities.pharmacy.VerificationScorer;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.places.PlacesClient;
import io.trawl.activities.spend.CallBudget;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.activities.spend.SpendListener;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.ProviderLimits;
import io.trawl.workflows.pharmacy.PharmacyActivityOptions;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflowImpl;
import io.trawl.workflows.pharmacy.VerificationBatchWorkflowImpl;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Registers the pharmacy pipeline: its workflows and bookkeeping on {@code trawl-pharmacy}, the
 * Apify and Places calls on their own queues, whose workers carry the provider's rate limit (the
 * server enforces {@code maxTaskQueueActivitiesPerSecond} across every worker of the queue).
 */
public final class PharmacyRegistration {
  private PharmacyRegistration() {}

  /** The pipeline's settings as the worker read them from its trawl.yaml. */
  public record Settings(PharmacyConfig pharmacy, ProviderLimits limits, CallBudgets budgets) {}

  public static void register(
      WorkerFactory factory,
      DataSource dataSource,
      ApifyClient apify,
      PlacesClient places,
      Settings settings,
      SpendListener listener) {
    PharmacyConfig config = settings.pharmacy();
    Clock clock = Clock.systemUTC();
    QueryCache cache = new QueryCache(new ApiCacheRepository(dataSource), config.cacheTtl(), clock);
    SpendLedger ledger = new SpendLedger(dataSource);
    PharmacyCosts costs =
        new PharmacyCosts(
            config.costs().actorStartUsd(),
            config.costs().perPlaceUsd(),
            config.costs().placesUsd());

    Worker pipeline = factory.newWorker(PharmacyRunWorkflow.TASK_QUEUE, options(null));
    pipeline.registerWorkflowImplementationTypes(
        PharmacyRunWorkflowImpl.class, VerificationBatchWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(
        new PharmacyRunActivitiesImpl(
            dataSource, cache, apify.config().isSandbox() ? "sandbox" : "apify"),
        new PharmacyStageActivitiesImpl(dataSource, config.rules()));

    Worker apifyCalls =
        factory.newWorker(
            PharmacyActivityOptions.APIFY_QUEUE, options(settings.limits().of("apify")));
    apifyCalls.registerActivitiesImplementations(
        new PharmacyCollectionActivitiesImpl(
            dataSource,
            apify,
            config.actor(),
            config.language(),
            budget(ledger, "apify", settings, apify.config().isSandbox(), clock, listener),
            costs,
            cache));

    Worker placesCalls =
        factory.newWorker(
            PharmacyActivityOptions.PLACES_QUEUE, options(settings.limits().of("places")));
    placesCalls.registerActivitiesImplementations(
        new PlaceVerificationActivitiesImpl(
            dataSource,
            places,
            budget(ledger, "places", settings, places.config().isSandbox(), clock, listener),
            config.costs().placesUsd(),
            new VerificationScorer(config.verificationThreshold())));
  }

  private static CallBudget budget(
      SpendLedger ledger,
      String provider,
      Settings settings,
      boolean sandbox,
      Clock clock,
      SpendListener listener) {
    return new CallBudget(
        ledger,
        provider,
        settings.budgets().daily(provider),
        settings.budgets().zone(),
        sandbox,
        clock,
        listener);
  }

  private static WorkerOptions options(ProviderLimits.Limit limit) {
    WorkerOptions.Builder builder = WorkerOptions.newBuilder().setUsingVirtualThreads(true);
    if (limit != null) {
      builder
          .setMaxTaskQueueActivitiesPerSecond(limit.perSecond())
          .setMaxConcurrentActivityExecutionSize(limit.concurrency());
    }
    return builder.build();
  }
}
