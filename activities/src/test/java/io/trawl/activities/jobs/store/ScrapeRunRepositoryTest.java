package io.trawl.activities.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScrapeRunRepositoryTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final DateRangeChoice WEEK =
      new DateRangeChoice(DateRange.PAST_WEEK, 7, "last completed run 3d 0h ago (<= 7 days)");

  private ScrapeRunRepository runs;

  @BeforeEach
  void setUp() {
    runs = new ScrapeRunRepository(db.getTestDatabase());
  }

  @Test
  void returnsSameIdWhenOpenRunIsRetriedWithSameTemporalRunId() {
    String temporalRunId = UUID.randomUUID().toString();

    long first = open(temporalRunId, "Data Engineer", "Netherlands");
    long retried = open(temporalRunId, "Data Engineer", "Netherlands");

    assertThat(retried).isEqualTo(first);
    assertThat(runs.recent(1000)).filteredOn(r -> r.id() == first).hasSize(1);
    assertThat(runs.recent(1000))
        .filteredOn(r -> r.workflowId().equals(row(first).workflowId()))
        .hasSize(1);
  }

  @Test
  void storesDateRangeAndReasonInMetadata() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");

    ScrapeRunRow row = row(runId);

    assertThat(row.status()).isEqualTo("running");
    assertThat(row.dateRange()).isEqualTo("Past week");
    assertThat(row.lookbackDays()).isEqualTo(7);
    assertThat(row.provider()).isEqualTo("sandbox");
    assertThat(row.metadata())
        .contains("\"date_range\": \"Past week\"")
        .contains("\"lookback_days\": 7")
        .contains("\"provider\": \"sandbox\"")
        .contains("\"reason\": \"last completed run 3d 0h ago (<= 7 days)\"");
  }

  @Test
  void recordsProviderOnTheRun() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");

    runs.recordProvider(runId, new ProviderRef("brightdata", ProviderRef.REAL));

    ScrapeRunRow row = row(runId);
    assertThat(row.provider()).isEqualTo("real");
    assertThat(row.metadata()).contains("\"provider_name\": \"brightdata\"");
  }

  @Test
  void readsBackTheRecordedSnapshotId() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    assertThat(runs.findSnapshotId(runId)).isEmpty();

    runs.recordSnapshotId(runId, "s_m4x7abc");
    runs.recordSnapshotId(runId, "s_m4x7abc");

    assertThat(runs.findSnapshotId(runId)).contains("s_m4x7abc");
  }

  @Test
  void refusesToReplaceARecordedSnapshotId() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    runs.recordSnapshotId(runId, "s_first");

    assertThatThrownBy(() -> runs.recordSnapshotId(runId, "s_second"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("already has snapshot s_first");
    assertThat(runs.findSnapshotId(runId)).contains("s_first");
  }

  @Test
  void failsWithNotFoundForAnUnknownRun() {
    assertThatThrownBy(() -> runs.findSnapshotId(999_999))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(Failures.NOT_FOUND));
  }

  @Test
  void completeStoresCountsAndDurationFromStart() throws SQLException {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    setStartedAt(runId, Instant.now().minus(Duration.ofSeconds(90)));

    ScrapeRunResult result = runs.complete(runId, new IngestResult(10, 6, 2, 1, 1, 3));

    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.jobsFound()).isEqualTo(10);
    assertThat(result.jobsNew()).isEqualTo(6);
    assertThat(result.jobsUpdated()).isEqualTo(2);
    assertThat(result.jobsInvalid()).isEqualTo(1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.durationSeconds()).isBetween(89.0, 150.0);
    ScrapeRunRow row = row(runId);
    assertThat(row.jobsFound()).isEqualTo(10);
    assertThat(row.jobsNew()).isEqualTo(6);
    assertThat(row.errorRecords()).isEqualTo(3);
    assertThat(row.finishedAt()).isNotNull();
  }

  @Test
  void completeReturnsStoredRowWhenAlreadyCompleted() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    ScrapeRunResult first = runs.complete(runId, new IngestResult(5, 5, 0, 0, 0, 0));

    ScrapeRunResult retried = runs.complete(runId, new IngestResult(9, 9, 0, 0, 0, 0));

    assertThat(retried).isEqualTo(first);
  }

  @Test
  void markEndedDoesNotOverwriteACompletedRun() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    ScrapeRunResult completed = runs.complete(runId, new IngestResult(5, 5, 0, 0, 0, 0));

    ScrapeRunResult ended = runs.markEnded(runId, "failed", "late failure");

    assertThat(ended).isEqualTo(completed);
    assertThat(ended.error()).isNull();
  }

  @Test
  void markEndedRecordsStatusAndError() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");

    ScrapeRunResult ended = runs.markEnded(runId, "cancelled", "cancelled");
    ScrapeRunResult again = runs.markEnded(runId, "failed", "second attempt");

    assertThat(ended.status()).isEqualTo("cancelled");
    assertThat(ended.error()).isEqualTo("cancelled");
    assertThat(again).isEqualTo(ended);
  }

  @Test
  void markEndedRefusesAStatusOtherThanFailedOrCancelled() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");

    assertThatThrownBy(() -> runs.markEnded(runId, "completed", null))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(Failures.INVALID_INPUT))
        .hasMessageContaining("got completed");
  }

  @Test
  void lastCompletedStartIgnoresFailedRunsAndOtherSearches() throws SQLException {
    Instant threeDaysAgo = Instant.parse("2026-01-01T08:00:00Z");
    long completed = open(UUID.randomUUID().toString(), "Analytics Engineer", "Netherlands");
    setStartedAt(completed, threeDaysAgo);
    runs.complete(completed, IngestResult.EMPTY);
    long failed = open(UUID.randomUUID().toString(), "Analytics Engineer", "Netherlands");
    setStartedAt(failed, threeDaysAgo.plus(Duration.ofDays(2)));
    runs.markEnded(failed, "failed", "boom");
    long other = open(UUID.randomUUID().toString(), "Analytics Engineer", "Belgium");
    runs.complete(other, IngestResult.EMPTY);
    open(UUID.randomUUID().toString(), "Analytics Engineer", "Netherlands"); // still running

    assertThat(runs.lastCompletedStart("Analytics Engineer", "Netherlands")).contains(threeDaysAgo);
    assertThat(runs.lastCompletedStart("Data Scientist", "Netherlands")).isEmpty();
  }

  @Test
  void lastCompletedStartMatchesTheSearchWhateverItsCase() {
    long completed = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    runs.complete(completed, IngestResult.EMPTY);

    // The workflow id is case-insensitive per search, so the date strategy must be too.
    assertThat(runs.lastCompletedStart("data engineer", "NETHERLANDS")).isPresent();
  }

  @Test
  void lockForIngestReturnsCountsOnlyAfterIngestWasRecorded() {
    long runId = open(UUID.randomUUID().toString(), "Data Engineer", "Netherlands");
    IngestResult counts = new IngestResult(4, 3, 0, 1, 0, 2);

    Optional<IngestResult> before = lockForIngest(runId);
    Transactions.inTransaction(
        db.getTestDatabase(),
        "test",
        tx -> {
          runs.recordIngest(tx, runId, counts);
          return null;
        });
    Optional<IngestResult> after = lockForIngest(runId);

    assertThat(before).isEmpty();
    assertThat(after).contains(counts);
  }

  private Optional<IngestResult> lockForIngest(long runId) {
    return Transactions.inTransaction(
        db.getTestDatabase(), "test", tx -> runs.lockForIngest(tx, runId));
  }

  private ScrapeRunRow row(long runId) {
    return runs.recent(1000).stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
  }

  private long open(String temporalRunId, String query, String location) {
    return runs.openRun(
        "jobs-scrape/" + temporalRunId, temporalRunId, query, location, WEEK, ProviderRef.SANDBOX);
  }

  private static void setStartedAt(long runId, Instant startedAt) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE scrape_runs SET started_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(startedAt));
      ps.setLong(2, runId);
      ps.executeUpdate();
    }
  }
}
