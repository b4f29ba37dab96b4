package io.trawl.worker.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.trawl.activities.pharmacy.PharmacyRunActivitiesImpl;
import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.worker.config.CallBudgets;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The original's cache tests on the whole pipeline: a miss pays one actor run and writes the
 * search's places under the original's key; a corrupt entry is a logged miss that the fresh actor
 * run rewrites.
 */
class PharmacyQueryCacheTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final String KEY = "pharmacy_san_francisco,_ca";
  private static final PharmacyRunRequest UNVERIFIED =
      new PharmacyRunRequest(
          List.of("pharmacy"), List.of("San Francisco, CA"), false, null, null, null, null, null);

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger runLog = (Logger) LoggerFactory.getLogger(PharmacyRunActivitiesImpl.class);
  private PharmacyTestStack stack;

  @BeforeEach
  void setUp() {
    logs.start();
    runLog.addAppender(logs);
    stack =
        new PharmacyTestStack(
            db.getTestDatabase(),
            new MapsUniverse(),
            ApifyFaults.builder().runSeconds(2).millisPerSecond(20).build());
    stack.startWorker(CallBudgets.DEFAULTS);
  }

  @AfterEach
  void tearDown() {
    runLog.detachAppender(logs);
    stack.close();
  }

  @Test
  void aMissStartsOneActorRunAndWritesTheSearchsPlacesToTheCache() {
    PharmacyRunResult result = stack.newRun(UNVERIFIED).run(UNVERIFIED);

    assertThat(result.cacheHits()).isZero();
    assertThat(stack.apify.runsStarted()).isEqualTo(1);
    assertThat(stack.count("SELECT count(*) FROM api_cache")).isEqualTo(1);
    assertThat(stack.text("SELECT provider FROM api_cache WHERE key = '" + KEY + "'"))
        .isEqualTo("apify");
    assertThat(
            stack.count(
                "SELECT jsonb_array_length(value) FROM api_cache WHERE key = '" + KEY + "'"))
        .isEqualTo(result.collected());
    assertThat(
            stack.count(
                "SELECT count(*) FROM api_cache WHERE key = '"
                    + KEY
                    + "' AND expires_at > now() + interval '6 days'"))
        .isEqualTo(1);
    assertThat(missReasons()).containsExactly("no fresh entry");
  }

  /** What a corrupt entry can hold in a jsonb column, and the miss reason it is logged with. */
  static Stream<Arguments> corruptEntries() {
    return Stream.of(
        // Unreadable JSON a careless writer stored as text: jsonb keeps it as one string.
        Arguments.of(
            "unreadable JSON text", "\"[{\\\"title\\\": \\\"CVS Pha\"", "entry is not a list"),
        Arguments.of("an object", "{\"places\": [{\"title\": \"CVS\"}]}", "entry is not a list"),
        Arguments.of("an empty list", "[]", "empty list"),
        Arguments.of("a list of strings", "[\"CVS Pharmacy\"]", "entry holds a non-object item"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptEntries")
  void aCorruptEntryIsALoggedMissAndTheActorRunRewritesIt(
      String what, String stored, String reason) {
    stack.execute(
        "INSERT INTO api_cache (key, provider, value, expires_at) VALUES ('"
            + KEY
            + "', 'apify', '"
            + stored.replace("'", "''")
            + "'::jsonb, now() + interval '1 day')");

    PharmacyRunResult result = stack.newRun(UNVERIFIED).run(UNVERIFIED);

    assertThat(result.cacheHits()).isZero();
    assertThat(result.collected()).isPositive();
    assertThat(stack.apify.runsStarted()).isEqualTo(1);
    assertThat(missReasons()).containsExactly(reason);
    assertThat(stack.text("SELECT jsonb_typeof(value) FROM api_cache WHERE key = '" + KEY + "'"))
        .isEqualTo("array");
    assertThat(
            stack.count(
                "SELECT jsonb_array_length(value) FROM api_cache WHERE key = '" + KEY + "'"))
        .isEqualTo(result.collected());

    // The rewritten entry serves the next run of the search: no second actor run.
    PharmacyRunResult again = stack.newRun(UNVERIFIED).run(UNVERIFIED);

    assertThat(again.cacheHits()).isEqualTo(1);
    assertThat(stack.apify.runsStarted()).isEqualTo(1);
  }

  private List<String> missReasons() {
    return logs.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("cache miss"))
        .map(m -> m.substring(m.indexOf("reason=\"") + 8, m.length() - 1))
        .toList();
  }
}
