package io.trawl.activities.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.workflows.jobs.lifecycle.InactiveSummary;
import io.trawl.workflows.jobs.lifecycle.RetiredGroup;
import io.trawl.workflows.jobs.lifecycle.Retirement;
import io.trawl.workflows.jobs.lifecycle.SkippedGroup;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lifecycle thresholds, the grace guard and the summary, on real PostgreSQL. */
class JobLifecycleRepositoryTest {
  /** A database per test: every test counts all jobs. */
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final Instant AS_OF = Instant.parse("2026-11-25T02:00:00Z");
  private static final AtomicLong NEXT_ID = new AtomicLong(1);

  private DataSource dataSource;
  private JobLifecycleRepository lifecycle;

  @BeforeEach
  void setUp() {
    dataSource = db.getTestDatabase();
    lifecycle = new JobLifecycleRepository(dataSource);
  }

  @Test
  void retiresJobsNotSeenForLongerThanTheThresholdAndKeepsTheRest() throws SQLException {
    completedRun("Data Engineer", "Netherlands", daysAgo(1));
    String stale = job("Data Engineer", "Netherlands", daysAgo(15));
    String fresh = job("Data Engineer", "Netherlands", daysAgo(13));

    Retirement retirement = lifecycle.retire(AS_OF, 14, false);

    assertThat(retirement.markedNow()).isEqualTo(1);
    assertThat(retirement.cutoff()).isEqualTo(AS_OF.minus(Duration.ofDays(14)));
    assertThat(retirement.retired())
        .containsExactly(new RetiredGroup("Data Engineer", "Netherlands", 1));
    assertThat(retirement.skipped()).isEmpty();
    assertThat(inactiveSince(stale)).isEqualTo(AS_OF);
    assertThat(inactiveSince(fresh)).isNull();
  }

  @Test
  void aShorterThresholdRetiresMore() throws SQLException {
    completedRun("Data Engineer", "Netherlands", daysAgo(1));
    job("Data Engineer", "Netherlands", daysAgo(15));
    job("Data Engineer", "Netherlands", daysAgo(8));
    job("Data Engineer", "Netherlands", daysAgo(2));

    assertThat(lifecycle.retire(AS_OF, 7, false).markedNow()).isEqualTo(2);
  }

  @Test
  void graceGuardKeepsJobsOfASearchWhoseScrapesFailedThroughoutTheWindow() throws SQLException {
    completedRun("Data Scientist", "Belgium", daysAgo(20));
    run("Data Scientist", "Belgium", "failed", daysAgo(3));
    run("Data Scientist", "Belgium", "failed", daysAgo(1));
    String kept = job("Data Scientist", "Belgium", daysAgo(19));

    Retirement retirement = lifecycle.retire(AS_OF, 14, false);

    assertThat(retirement.markedNow()).isZero();
    assertThat(inactiveSince(kept)).isNull();
    assertThat(retirement.skipped()).hasSize(1);
    SkippedGroup skipped = retirement.skipped().get(0);
    assertThat(skipped.query()).isEqualTo("Data Scientist");
    assertThat(skipped.staleJobs()).isEqualTo(1);
    assertThat(skipped.lastCompletedRun()).isEqualTo(daysAgo(20));
    assertThat(skipped.reason())
        .isEqualTo(
            "no completed scrape of this search in the last 14 days (last one started "
                + daysAgo(20)
                + ")");
  }

  @Test
  void graceGuardKeepsJobsOfASearchThatNeverCompletedAScrape() throws SQLException {
    job("ML Engineer", "Germany", daysAgo(30));

    Retirement retirement = lifecycle.retire(AS_OF, 14, false);

    assertThat(retirement.markedNow()).isZero();
    assertThat(retirement.skipped())
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.lastCompletedRun()).isNull();
              assertThat(group.reason()).isEqualTo("this search never completed a scrape");
            });
  }

  @Test
  void guardsEachSearchOnItsOwnAndMatchesSearchesWithoutCase() throws SQLException {
    completedRun("Data Engineer", "Netherlands", daysAgo(2));
    job("data engineer", "NETHERLANDS", daysAgo(20));
    job("Data Scientist", "Belgium", daysAgo(20));

    Retirement retirement = lifecycle.retire(AS_OF, 14, false);

    assertThat(retirement.retired()).extracting(RetiredGroup::jobs).containsExactly(1);
    assertThat(retirement.retired().get(0).query()).isEqualToIgnoringCase("Data Engineer");
    assertThat(retirement.skipped())
        .extracting(SkippedGroup::query)
        .containsExactly("Data Scientist");
  }

  @Test
  void dryRunReportsWhatWouldBeRetiredAndChangesNothing() throws SQLException {
    completedRun("Data Engineer", "Netherlands", daysAgo(1));
    String stale = job("Data Engineer", "Netherlands", daysAgo(15));

    Retirement dryRun = lifecycle.retire(AS_OF, 14, true);

    assertThat(dryRun.markedNow()).isEqualTo(1);
    assertThat(dryRun.retired())
        .containsExactly(new RetiredGroup("Data Engineer", "Netherlands", 1));
    assertThat(inactiveSince(stale)).isNull();
    assertThat(lifecycle.summarize(AS_OF).totalInactive()).isZero();
  }

  @Test
  void repeatingARunWithTheSameAsOfReturnsTheSameResultAndMarksNothingMore() throws SQLException {
    completedRun("Data Engineer", "Netherlands", daysAgo(1));
    job("Data Engineer", "Netherlands", daysAgo(15));
    job("Data Engineer", "Netherlands", daysAgo(16));
    job("ML Engineer", "Germany", daysAgo(30));

    Retirement first = lifecycle.retire(AS_OF, 14, false);
    Retirement retried = lifecycle.retire(AS_OF, 14, false);
    Retirement nextDay = lifecycle.retire(AS_OF.plus(Duration.ofDays(1)), 14, false);

    assertThat(retried).isEqualTo(first);
    assertThat(first.markedNow()).isEqualTo(2);
    assertThat(nextDay.markedNow()).isZero();
    assertThat(lifecycle.summarize(AS_OF).totalInactive()).isEqualTo(2);
  }

  @Test
  void summaryCountsActiveInactiveAndThoseRetiredInTheLastSevenDays() throws SQLException {
    job("Data Engineer", "Netherlands", daysAgo(1));
    job("Data Engineer", "Netherlands", daysAgo(2));
    retired("Data Engineer", "Netherlands", daysAgo(30), daysAgo(3));
    retired("Data Engineer", "Netherlands", daysAgo(40), daysAgo(10));

    InactiveSummary summary = lifecycle.summarize(AS_OF);

    assertThat(summary).isEqualTo(new InactiveSummary(2, 2, 1));
    assertThat(lifecycle.recentlyInactive(10))
        .extracting(InactiveJobRow::inactiveSince)
        .containsExactly(daysAgo(3), daysAgo(10));
  }

  private static Instant daysAgo(int days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  private void completedRun(String query, String location, Instant startedAt) throws SQLException {
    run(query, location, "completed", startedAt);
  }

  private void run(String query, String location, String status, Instant startedAt)
      throws SQLException {
    execute(
        "INSERT INTO scrape_runs (workflow_id, temporal_run_id, query, location, status,"
            + " started_at) VALUES ('wf', ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        query,
        location,
        status,
        Timestamp.from(startedAt));
  }

  private String job(String query, String location, Instant lastSeen) throws SQLException {
    String id = "job-" + NEXT_ID.getAndIncrement();
    execute(
        "INSERT INTO jobs (job_posting_id, title, content_hash, last_query, last_location,"
            + " first_seen_at, last_seen_at) VALUES (?, 'Engineer', 'h', ?, ?, ?, ?)",
        id,
        query,
        location,
        Timestamp.from(lastSeen),
        Timestamp.from(lastSeen));
    return id;
  }

  private void retired(String query, String location, Instant lastSeen, Instant inactiveSince)
      throws SQLException {
    String id = job(query, location, lastSeen);
    execute(
        "UPDATE jobs SET is_active = false, inactive_since = ? WHERE job_posting_id = ?",
        Timestamp.from(inactiveSince),
        id);
  }

  private Instant inactiveSince(String jobPostingId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps =
            connection.prepareStatement(
                "SELECT is_active, inactive_since FROM jobs WHERE job_posting_id = ?")) {
      ps.setString(1, jobPostingId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp since = rs.getTimestamp("inactive_since");
        assertThat(rs.getBoolean("is_active")).isEqualTo(since == null);
        return since == null ? null : since.toInstant();
      }
    }
  }

  private void execute(String sql, Object... params) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
