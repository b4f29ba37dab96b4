package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.pharmacy.store.PharmacyClassificationRepository;
import io.trawl.activities.pharmacy.store.PharmacyRepository;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.activities.pharmacy.store.PharmacySearchRepository;
import io.trawl.activities.pharmacy.store.PharmacyStagingRepository;
import io.trawl.activities.providers.apify.ApifyPlaceParser;
import io.trawl.activities.providers.apify.MalformedPlaceException;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.pharmacy.ClassificationResult;
import io.trawl.workflows.pharmacy.DedupResult;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PharmacyStage;
import io.trawl.workflows.pharmacy.PharmacyStageActivities;
import io.trawl.workflows.pharmacy.VerificationResult;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dedup, classification and verification bookkeeping, each one transaction. */
public final class PharmacyStageActivitiesImpl implements PharmacyStageActivities {
  private static final Logger log = LoggerFactory.getLogger(PharmacyStageActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ApifyPlaceParser PARSER = new ApifyPlaceParser();

  private final DataSource dataSource;
  private final PharmacyRunRepository runs;
  private final PharmacySearchRepository searches;
  private final PharmacyStagingRepository staging = new PharmacyStagingRepository();
  private final PharmacyRepository places;
  private final PharmacyClassificationRepository labels;
  private final PharmacyClassifier classifier;
  private final Double llmBelow;

  /** Rules only: the LLM fallback is off. */
  public PharmacyStageActivitiesImpl(DataSource dataSource, ClassificationRules rules) {
    this(dataSource, rules, null);
  }

  /**
   * @param llmBelow the rule confidence below which the LLM fallback asks about a place; null when
   *     the fallback is off
   */
  public PharmacyStageActivitiesImpl(
      DataSource dataSource, ClassificationRules rules, Double llmBelow) {
    this.dataSource = dataSource;
    this.runs = new PharmacyRunRepository(dataSource);
    this.searches = new PharmacySearchRepository(dataSource);
    this.places = new PharmacyRepository(dataSource);
    this.labels = new PharmacyClassificationRepository(dataSource);
    this.classifier = new PharmacyClassifier(rules);
    this.llmBelow = llmBelow;
  }

  @Override
  public DedupResult dedupe(PharmacyRunRef run) {
    return Transactions.inTransaction(
        dataSource,
        "dedup run " + run.runId(),
        tx -> {
          var stored = runs.stageCounts(tx, run.runId(), PharmacyStage.DEDUP.key());
          if (stored.isPresent()) {
            // A retry after commit: the staging rows are gone, the counts are on the stage row.
            return read(stored.get(), DedupResult.class);
          }
          PlaceDeduper deduper = new PlaceDeduper();
          int[] malformed = {0};
          staging.forEach(
              tx,
              run.runId(),
              (search, itemJson) -> {
                try {
                  JsonNode raw = JSON.readTree(itemJson);
                  deduper.add(PARSER.parse(raw), raw, search);
                } catch (MalformedPlaceException | IOException e) {
                  malformed[0]++;
                  log.info(
                      "run={} search=\"{}\" malformed item: {}",
                      run.runId(),
                      search.describe(),
                      e.getMessage());
                }
              });
          List<PlaceDeduper.UniquePlace> unique = deduper.places();
          places.upsertPlaces(tx, run.runId(), unique);
          DedupResult result =
              new DedupResult(deduper.added() + malformed[0], unique.size(), malformed[0]);
          runs.recordStage(tx, run.runId(), PharmacyStage.DEDUP.key(), json(result));
          int cleared = staging.deleteRun(tx, run.runId());
          log.info(
              "run={} stage=dedup collected={} unique={} malformed={} staging_cleared={}",
              run.runId(),
              result.collected(),
              result.unique(),
              result.malformed(),
              cleared);
          return result;
        });
  }

  @Override
  public ClassificationResult classify(PharmacyRunRef run) {
    return Transactions.inTransaction(
        dataSource,
        "classify run " + run.runId(),
        tx -> {
          int[] counts = new int[8];
          try (PreparedStatement update = places.prepareClassification(tx)) {
            places.forEachRunPlace(
                tx,
                run.runId(),
                (key, itemJson) -> {
                  Classification c;
                  try {
                    c = classifier.classify(PARSER.parse(JSON.readTree(itemJson)));
                  } catch (IOException | MalformedPlaceException e) {
                    // The original kept an item classification failed on; so do we, unlabelled.
                    log.info(
                        "run={} place={} not classified: {}", run.runId(), key, e.getMessage());
                    return;
                  }
                  PharmacyRepository.bindClassification(update, key, c);
                  update.addBatch();
                  count(counts, c);
                  counts[7] += needsLlm(c) ? 1 : 0;
                });
            update.executeBatch();
          }
          ClassificationResult result =
              new ClassificationResult(
                  counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], 0, counts[7]);
          if (result.llmPending() == 0) {
            runs.recordStage(tx, run.runId(), PharmacyStage.CLASSIFICATION.key(), json(result));
          }
          log.info("run={} stage=classification result={}", run.runId(), result);
          return result;
        });
  }

  @Override
  public List<String> placesForLlm(PharmacyRunRef run, String afterKey, int limit) {
    return llmBelow == null ? List.of() : labels.unsure(run.runId(), llmBelow, afterKey, limit);
  }

  @Override
  public ClassificationResult recordClassification(PharmacyRunRef run, int llmCalls) {
    return Transactions.inTransaction(
        dataSource,
        "record classification of run " + run.runId(),
        tx -> {
          ClassificationResult result = labels.counts(tx, run.runId(), llmCalls);
          runs.recordStage(tx, run.runId(), PharmacyStage.CLASSIFICATION.key(), json(result));
          log.info("run={} stage=classification result={}", run.runId(), result);
          return result;
        });
  }

  /** The original's condition for asking the LLM: an unsure rule, and not compounding. */
  private boolean needsLlm(Classification c) {
    return llmBelow != null && c.confidence() < llmBelow && !c.compounding();
  }

  @Override
  public List<String> placesToVerify(PharmacyRunRef run, boolean all, String afterKey, int limit) {
    return places.toVerify(run.runId(), all, afterKey, limit);
  }

  @Override
  public VerificationResult recordVerification(PharmacyRunRef run, boolean budgetExhausted) {
    List<String> left = places.toVerify(run.runId(), false, "", Integer.MAX_VALUE);
    return Transactions.inTransaction(
        dataSource,
        "record verification of run " + run.runId(),
        tx -> {
          int[] outcome = runs.verificationOutcome(tx, run.runId());
          VerificationResult result =
              new VerificationResult(
                  outcome[0], outcome[1], left.size(), outcome[2], budgetExhausted);
          if (!budgetExhausted) {
            runs.recordStage(tx, run.runId(), PharmacyStage.VERIFICATION.key(), json(result));
          }
          return result;
        });
  }

  private static void count(int[] counts, Classification c) {
    switch (c.label()) {
      case Classification.CHAIN -> counts[0]++;
      case Classification.INDEPENDENT -> counts[1]++;
      case Classification.HOSPITAL -> counts[2]++;
      default -> counts[3]++;
    }
    counts[4] += c.compounding() ? 1 : 0;
    counts[5] += c.veterinary() ? 1 : 0;
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("stage counts are not a " + type.getSimpleName(), e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write stage counts", e);
    }
  }
}
