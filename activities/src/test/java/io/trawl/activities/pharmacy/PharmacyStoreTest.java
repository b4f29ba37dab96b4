package io.trawl.activities.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.activities.pharmacy.store.PharmacyRunRepository;
import io.trawl.workflows.pharmacy.CacheLookup;
import io.trawl.workflows.pharmacy.ClassificationResult;
import io.trawl.workflows.pharmacy.DedupResult;
import io.trawl.workflows.pharmacy.PharmacyRunRef;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.trawl.workflows.pharmacy.PharmacySearch;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pharmacy stages against a real PostgreSQL migrated by the production Flyway files. */
class PharmacyStoreTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final PharmacySearch SF = new PharmacySearch("pharmacy", "San Francisco, CA");
  private static final PharmacySearch OAK = new PharmacySearch("drugstore", "San Francisco, CA");
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  private DataSource data;
  private ApiCacheRepository cacheTable;
  private QueryCache cache;
  private PharmacyRunActivitiesImpl runActivities;
  private PharmacyStageActivitiesImpl stages;
  private PharmacyRunRepository runs;

  @BeforeEach
  void setUp() throws Exception {
    data = db.getTestDatabase();
    try (Connection c = data.getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE api_cache, pharmacy_runs, pharmacies, pharmacy_run_places CASCADE");
    }
    cacheTable = new ApiCacheRepository(data);
    cache = new QueryCache(cacheTable, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
    runActivities = new PharmacyRunActivitiesImpl(data, cache, "sandbox");
    stages = new PharmacyStageActivitiesImpl(data, ClassificationRules.DEFAULTS);
    runs = new PharmacyRunRepository(data);
  }

  @Test
  void cacheHitStagesTheStoredPlacesAndCountsAsCollected() {
    cache.store(
        SF,
        places(
            place("ChIJ1", "CVS Pharmacy", "Pharmacy"), place("ChIJ2", "Bay Drugs", "Pharmacy")));
    PharmacyRunRef run = open(List.of("pharmacy"));

    CacheLookup lookup = runActivities.lookupCache(run, SF, false);
    int collected = runActivities.recordCollection(run);

    assertThat(lookup.hit()).isTrue();
    assertThat(lookup.items()).isEqualTo(2);
    assertThat(collected).isEqualTo(2);
    assertThat(runs.stages(run.runId())).containsExactly("collection");
  }

  @Test
  void wrongShapedEmptyOrExpiredEntriesAreMisses() {
    PharmacyRunRef run = open(List.of("pharmacy"));
    String key = QueryCacheKey.of(SF.query(), SF.location());

    cacheTable.put(key, "apify", Places.parse("{\"places\":[]}"), NOW, NOW.plusSeconds(60));
    assertThat(runActivities.lookupCache(run, SF, false).reason()).isEqualTo("entry is not a list");

    cacheTable.put(key, "apify", Places.parse("[]"), NOW, NOW.plusSeconds(60));
    assertThat(runActivities.lookupCache(run, SF, false).reason()).isEqualTo("empty list");

    cacheTable.put(key, "apify", Places.parse("[\"CVS\"]"), NOW, NOW.plusSeconds(60));
    assertThat(runActivities.lookupCache(run, SF, false).hit()).isFalse();

    cacheTable.put(
        key, "apify", places(place("ChIJ1", "CVS", "Pharmacy")), NOW, NOW.minusSeconds(1));
    assertThat(runActivities.lookupCache(run, SF, false).reason()).isEqualTo("no fresh entry");

    cacheTable.put(
        key, "apify", places(place("ChIJ1", "CVS", "Pharmacy")), NOW, NOW.plusSeconds(60));
    assertThat(runActivities.lookupCache(run, SF, true).hit()).isFalse();
    assertThat(runActivities.lookupCache(run, SF, false).hit()).isTrue();
  }

  @Test
  void dedupMergesSearchesClearsStagingAndRepeatsNothingOnRetry() throws Exception {
    ObjectNode shared = place("ChIJ1", "Mission Pharmacy", "Pharmacy");
    ObjectNode fuller = shared.deepCopy();
    fuller.put("website", "missionrx.com");
    cache.store(
        SF,
        places(shared, place("ChIJ2", "CVS Pharmacy", "Pharmacy"), Places.item(null, "Pharmacy")));
    cache.store(OAK, places(fuller, place("ChIJ3", "Walmart Supercenter", "Department store")));
    PharmacyRunRef run = open(List.of("drugstore", "pharmacy"));
    runActivities.lookupCache(run, SF, false);
    runActivities.lookupCache(run, OAK, false);
    runActivities.recordCollection(run);

    DedupResult first = stages.dedupe(run);
    DedupResult retried = stages.dedupe(run);

    assertThat(first).isEqualTo(new DedupResult(5, 3, 1));
    assertThat(retried).isEqualTo(first);
    assertThat(count("SELECT count(*) FROM pharmacy_staging")).isZero();
    assertThat(text("SELECT website FROM pharmacies WHERE place_key = 'ChIJ1'"))
        .isEqualTo("missionrx.com");
    assertThat(
            count("SELECT jsonb_array_length(searches) FROM pharmacies WHERE place_key = 'ChIJ1'"))
        .isEqualTo(2);
  }

  @Test
  void classificationAndFinishCountEveryLabel() {
    cache.store(
        SF,
        places(
            place("ChIJ1", "CVS Pharmacy", "Pharmacy"),
            place("ChIJ2", "Pacific Compounding Pharmacy", "Compounding pharmacy"),
            place("ChIJ3", "Kaiser Permanente Pharmacy", "Pharmacy"),
            place("ChIJ4", "Walmart Supercenter", "Department store"),
            place("ChIJ5", "Bay Veterinary Pharmacy", "Veterinary pharmacy")));
    PharmacyRunRef run = open(List.of("pharmacy"));
    runActivities.lookupCache(run, SF, false);
    runActivities.recordCollection(run);
    stages.dedupe(run);

    ClassificationResult classes = stages.classify(run);
    PharmacyRunResult result = runActivities.finishRun(run, false);

    assertThat(classes).isEqualTo(new ClassificationResult(1, 2, 1, 1, 1, 1, 0));
    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.unique()).isEqualTo(5);
    assertThat(result.chain()).isEqualTo(1);
    assertThat(result.independent()).isEqualTo(2);
    assertThat(result.hospital()).isEqualTo(1);
    assertThat(result.notPharmacy()).isEqualTo(1);
    assertThat(result.compounding()).isEqualTo(1);
    assertThat(result.veterinary()).isEqualTo(1);
    assertThat(result.unverified()).isEqualTo(5);
    assertThat(result.cacheHits()).isEqualTo(1);
    assertThat(stages.placesToVerify(run, false, "", 10)).hasSize(5);
    assertThat(stages.placesToVerify(run, false, "ChIJ3", 10)).containsExactly("ChIJ4", "ChIJ5");
  }

  @Test
  void aFailedRunOfTheSameSearchIsReopenedWithItsCompletedStages() {
    cache.store(SF, places(place("ChIJ1", "CVS Pharmacy", "Pharmacy")));
    PharmacyRunRef first = open(List.of("pharmacy"));
    runActivities.lookupCache(first, SF, false);
    runActivities.recordCollection(first);
    stages.dedupe(first);
    runActivities.endRun(first, "failed", "Places answered 403");

    PharmacyRunRef second = open(List.of("pharmacy"));
    PharmacyRunRef third = open(List.of("Pharmacy", "pharmacy"));

    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(second.resumed()).isTrue();
    assertThat(second.completedStages()).containsExactly("collection", "dedup");
    // The reopened run is running again: a third start of the search gets a fresh row.
    assertThat(third.runId()).isNotEqualTo(first.runId());
    assertThat(third.resumed()).isFalse();
  }

  private PharmacyRunRef open(List<String> queries) {
    PharmacyRunRequest request = PharmacyRunRequest.of(queries, List.of(SF.location()));
    return runs.open(request.workflowId(), UUID.randomUUID().toString(), request, "sandbox");
  }

  private static ObjectNode place(String placeId, String title, String category) {
    ObjectNode item = Places.item(title, category, category);
    item.put("placeId", placeId);
    item.put("address", placeId + " Market St, San Francisco, CA 94103");
    return item;
  }

  private static JsonNode places(ObjectNode... items) {
    ArrayNode list = Places.JSON.createArrayNode();
    for (ObjectNode item : items) {
      list.add(item);
    }
    return list;
  }

  private long count(String sql) throws Exception {
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String text(String sql) throws Exception {
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
