package io.trawl.activities.pharmacy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.pharmacy.store.PharmacyClassificationRepository;
import io.trawl.activities.pharmacy.store.PharmacyClassificationRepository.LabelledPlace;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.activities.providers.llm.LlmClassification;
import io.trawl.activities.providers.llm.LlmClient;
import io.trawl.activities.spend.CallBudget;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.LlmReclassification;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PlaceLlmActivities;
import java.math.BigDecimal;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM fallback of classification: cache, budget, one chat completion, and the more confident of
 * the two answers on the place.
 */
public final class PlaceLlmActivitiesImpl implements PlaceLlmActivities {
  private static final Logger log = LoggerFactory.getLogger(PlaceLlmActivitiesImpl.class);

  private final LlmClient client;
  private final String model;
  private final CallBudget budget;
  private final BigDecimal callUsd;
  private final LlmAnswerCache cache;
  private final PharmacyClassificationRepository labels;
  private final PharmacyRunRepository runs;

  public PlaceLlmActivitiesImpl(
      DataSource dataSource,
      LlmClient client,
      String model,
      CallBudget budget,
      BigDecimal callUsd,
      LlmAnswerCache cache) {
    this.client = client;
    this.model = model;
    this.budget = budget;
    this.callUsd = callUsd;
    this.cache = cache;
    this.labels = new PharmacyClassificationRepository(dataSource);
    this.runs = new PharmacyRunRepository(dataSource);
  }

  @Override
  public LlmReclassification reclassify(PharmacyRunRef run, String placeKey) {
    LabelledPlace place =
        labels
            .read(placeKey)
            .orElseThrow(() -> Failures.notFound("place " + placeKey + " has no classification"));
    if (Classification.LLM.equals(place.classification().source())) {
      // A retry after the answer was stored: nothing more to ask or pay.
      return new LlmReclassification(placeKey, true, true, false);
    }
    Optional<LlmClassification> cached = cache.lookup(place.name(), place.address());
    if (cached.isPresent()) {
      return new LlmReclassification(placeKey, apply(place, cached.get()), true, false);
    }
    String callKey = run.spendKey() + "/llm/" + placeKey;
    try {
      budget.reserve(callKey, callUsd, runs.cap(run));
    } catch (ApplicationFailure refused) {
      if (Failures.BUDGET_EXHAUSTED.equals(refused.getType())) {
        log.info(
            "llm fallback stopped by budget run={} place={}: {}",
            run.runId(),
            placeKey,
            refused.getOriginalMessage());
        return new LlmReclassification(placeKey, false, false, true);
      }
      throw refused;
    }
    LlmClassification answer;
    try {
      answer = client.classify(model, prompt(place));
    } catch (ApplicationFailure e) {
      if (Failures.VALIDATION_FAILED.equals(e.getType())) {
        // The model answered (and billed) but not in the shape asked for.
        budget.settle(callKey, 1, callUsd);
      } else {
        budget.release(callKey);
      }
      throw e;
    } catch (RuntimeException e) {
      budget.release(callKey);
      throw e;
    }
    budget.settle(callKey, 1, callUsd);
    cache.store(place.name(), place.address(), answer);
    return new LlmReclassification(placeKey, apply(place, answer), false, false);
  }

  /** The higher confidence wins; a tie keeps the rule's answer. */
  private boolean apply(LabelledPlace place, LlmClassification answer) {
    Classification rule = place.classification();
    if (answer.confidence() <= rule.confidence()) {
      log.debug(
          "llm answer kept out place={} llm={} rule={}",
          place.placeKey(),
          answer.confidence(),
          rule.confidence());
      return false;
    }
    String label =
        answer.classification().equals("not_a_pharmacy")
            ? Classification.NOT_PHARMACY
            : answer.classification();
    String why = answer.explanation() == null ? "LLM" : "LLM: " + answer.explanation();
    labels.set(
        place.placeKey(),
        new Classification(
            label,
            label.equals(Classification.CHAIN),
            answer.isCompounding(),
            rule.veterinary(),
            answer.confidence(),
            why.length() > 300 ? why.substring(0, 300) : why,
            Classification.LLM));
    return true;
  }

  /** What the model is told: the name, the address and the categories, one a line. */
  static String prompt(LabelledPlace place) {
    StringBuilder text = new StringBuilder("Classify this place.\nName: ").append(place.name());
    if (place.address() != null) {
      text.append("\nAddress: ").append(place.address());
    }
    if (!place.categories().isEmpty()) {
      text.append("\nGoogle Maps categories: ").append(String.join(", ", place.categories()));
    }
    return text.toString();
  }
}
