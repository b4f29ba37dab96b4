package io.trawl.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.pharmacy.LlmAnswerCache;
import io.trawl.activities.pharmacy.PharmacyCollectionActivitiesImpl;
import io.trawl.activities.pharmacy.PharmacyCosts;
import io.trawl.activities.pharmacy.PharmacyRunActivitiesImpl;
import io.trawl.activities.pharmacy.PharmacyStageActivitiesImpl;
import io.trawl.activities.pharmacy.PlaceLlmActivitiesImpl;
import io.trawl.activities.pharmacy.PlaceVerificationActivitiesImpl;
import io.trawl.activities.pharmacy.QueryCache;
import io.trawl.activities.pharmacy.VerificationScorer;
import io.trawl.activities.providers.apify.ApifyClient;
import io.trawl.activities.providers.llm.LlmClient;
import io.trawl.activities.providers.llm.LlmConfig;
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
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the pharmacy pipeline: its workflows and bookkeeping on {@code trawl-pharmacy}, the
 * Apify and Places calls on their own queues, whose workers carry the provider's rate limit (the
 * server enforces {@code maxTaskQueueActivitiesPerSecond} across every worker of the queue).
 */
public final class PharmacyRegistration {
  private static final Logger log = LoggerFactory.getLogger(PharmacyRegistration.class);

  private PharmacyRegistration() {}

  /** The pipeline's settings as the worker read them from its trawl.yaml. */
  public record Settings(PharmacyConfig pharmacy, ProviderLimits limits, CallBudgets budgets) {}

  /** The pipeline without the LLM fallback. */
  public static void register(
      WorkerFactory factory,
      DataSource dataSource,
      ApifyClient apify,
      PlacesClient places,
      Settings settings,
      SpendListener listener) {
    register(factory, dataSource, apify, places, null, settings, listener);
  }

  /**
   * The pipeline; with {@code llm} given and {@code pharmacy.llm} configured, the LLM fallback of
   * classification on its own rate-limited queue as well.
   */
  public static void register(
      WorkerFactory factory,
      DataSource dataSource,
      ApifyClient apify,
      PlacesClient places,
      LlmClient llm,
      Settings settings,
      SpendListener listener) {
    PharmacyConfig config = settings.pharmacy();
    PharmacyConfig.Llm llmConfig = llm == null ? null : config.llm();
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
        new PharmacyStageActivitiesImpl(
            dataSource, config.rules(), llmConfig == null ? null : llmConfig.minConfidence()),
        // Asked by a run started without trawl's search attributes (from the Web UI, say).
        new RunAttributeActivitiesImpl());

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

    if (llmConfig != null) {
      Worker llmCalls =
          factory.newWorker(
              PharmacyActivityOptions.LLM_QUEUE, options(settings.limits().of("llm")));
      llmCalls.registerActivitiesImplementations(
          new PlaceLlmActivitiesImpl(
              dataSource,
              llm,
              llmConfig.model(),
              budget(ledger, "llm", settings, llm.config().isSandbox(), clock, listener),
              llmConfig.callUsd(),
              new LlmAnswerCache(new ApiCacheRepository(dataSource), llmConfig.cacheTtl(), clock)));
    }
  }

  /**
   * The LLM client when {@code pharmacy.llm} is configured and {@value LlmConfig#KEY_VARIABLE} is
   * set; otherwise null, with one warning line when the section is there but the key is not.
   * {@value LlmConfig#BASE_URL_VARIABLE} wins over {@code pharmacy.llm.base_url}.
   */
  public static LlmClient llmClient(PharmacyConfig config, Map<String, String> env) {
    if (config.llm() == null) {
      return null;
    }
    String key = env.get(LlmConfig.KEY_VARIABLE);
    if (key == null || key.isBlank()) {
      log.warn(
          "pharmacy.llm is configured but {} is unset: the LLM classification fallback is off and"
              + " the rules' labels stand",
          LlmConfig.KEY_VARIABLE);
      return null;
    }
    String baseUrl = env.get(LlmConfig.BASE_URL_VARIABLE);
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = config.llm().baseUrl();
    }
    return new LlmClient(new LlmConfig(baseUrl, key));
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
